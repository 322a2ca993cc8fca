package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;

import java.util.Map;

/**
 * The message templates by code, for modules that name templates: a strategy's SMS, e-mail and
 * letter steps name the template their messages are made from (checked when the strategy is saved).
 */
public interface MessageTemplateCodes {

    /** Every template, by code. */
    Map<String, TemplateCode> templateCodes();

    /**
     * @param name        the name the template was given, to show people
     * @param toTheDebtor written to the debtor; false for a template meant for third parties (a
     *                    call-back request), which a message to the debtor must not use
     * @param inUse       it has a published version (a message can be made from it)
     */
    record TemplateCode(String code, String name, Channel channel, boolean toTheDebtor, boolean inUse) {
    }
}
