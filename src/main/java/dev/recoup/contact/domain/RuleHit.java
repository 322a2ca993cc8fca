package dev.recoup.contact.domain;

import java.util.Map;

/**
 * A rule that decided: its id, the reason in plain zh-CN and en, and the facts it used
 * ({@code localTime}, {@code count}, {@code cap}, {@code since} …) for screens and audits.
 */
public record RuleHit(String ruleId, String reasonZh, String reasonEn, Map<String, String> parameters) {

    public RuleHit {
        parameters = parameters == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** The reason in the language of {@code locale}'s language tag: Chinese for "zh…", English otherwise. */
    public String reason(java.util.Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? reasonZh : reasonEn;
    }
}
