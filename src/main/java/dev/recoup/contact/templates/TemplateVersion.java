package dev.recoup.contact.templates;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * One saved version of a template, never changed after saving.
 *
 * @param id      the version's own id (what an outbound message records)
 * @param content by language tag: {@code zh-CN}, {@code en}
 */
public record TemplateVersion(long id, long templateId, String code, TemplateKind kind, Channel channel, int version,
                              Map<String, TemplateContent> content, boolean usesDebtVariables, String note, String createdBy,
                              OffsetDateTime createdAt) {

    public TemplateContent in(Language language) {
        return content.get(language.tag());
    }
}
