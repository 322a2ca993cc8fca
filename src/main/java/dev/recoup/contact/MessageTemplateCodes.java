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
     * @param toTheDebtor written to the debtor; false for a template meant for third parties (a
     *                    call-back request), which a message to the debtor must not use
     */
    record TemplateCode(String code, Channel channel, boolean toTheDebtor) {
    }
}
