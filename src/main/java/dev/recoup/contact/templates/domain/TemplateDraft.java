package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Channel;

import java.util.EnumMap;
import java.util.Map;

/** A template version as someone wants to save it: what it is for, its channel and its text in each language. */
public record TemplateDraft(String code, TemplateKind kind, Channel channel, Map<Language, TemplateContent> content) {

    public TemplateDraft {
        EnumMap<Language, TemplateContent> copy = new EnumMap<>(Language.class);
        if (content != null) {
            copy.putAll(content);
        }
        content = java.util.Collections.unmodifiableMap(copy);
    }

    public TemplateContent in(Language language) {
        TemplateContent text = content.get(language);
        return text == null ? new TemplateContent(null, null) : text;
    }

    /** Whether any language's text names the debt through a debt variable. */
    public boolean usesDebtVariables() {
        for (TemplateContent text : content.values()) {
            if (TemplateText.parse(text.subject()).variables().stream().anyMatch(TemplateVariable::debt)
                    || TemplateText.parse(text.body()).variables().stream().anyMatch(TemplateVariable::debt)) {
                return true;
            }
        }
        return false;
    }
}
