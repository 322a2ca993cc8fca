package dev.recoup.contact.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A rule that decided: its id, the reason in plain zh-CN and en, and the facts it used
 * ({@code localTime}, {@code count}, {@code cap}, {@code since} …) for screens and audits.
 *
 * <p>The reasons are filled from the rule's text and the parameters when first read, so a caller
 * that only needs the rule ids (the dialer ordering its call list) does not pay for text.
 */
public final class RuleHit {

    private final String ruleId;
    private final String zhTemplate;
    private final String enTemplate;
    private final String[] keyValues;
    private String reasonZh;
    private String reasonEn;
    private Map<String, String> parameters;

    /** A hit with finished reasons. */
    public RuleHit(String ruleId, String reasonZh, String reasonEn, Map<String, String> parameters) {
        this.ruleId = Objects.requireNonNull(ruleId);
        this.zhTemplate = this.reasonZh = Objects.requireNonNull(reasonZh);
        this.enTemplate = this.reasonEn = Objects.requireNonNull(reasonEn);
        this.parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        this.keyValues = null;
    }

    /** A hit whose reasons are the templates with {@code {name}} filled from {@code keyValues} (name, value, …) when read. */
    RuleHit(String ruleId, String zhTemplate, String enTemplate, String[] keyValues) {
        this.ruleId = ruleId;
        this.zhTemplate = zhTemplate;
        this.enTemplate = enTemplate;
        this.keyValues = keyValues;
    }

    public String ruleId() {
        return ruleId;
    }

    public String reasonZh() {
        String reason = reasonZh;
        if (reason == null) {
            reasonZh = reason = fill(zhTemplate, keyValues);
        }
        return reason;
    }

    public String reasonEn() {
        String reason = reasonEn;
        if (reason == null) {
            reasonEn = reason = fill(enTemplate, keyValues);
        }
        return reason;
    }

    public Map<String, String> parameters() {
        Map<String, String> map = parameters;
        if (map == null) {
            LinkedHashMap<String, String> filled = new LinkedHashMap<>();
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                filled.put(keyValues[i], keyValues[i + 1]);
            }
            parameters = map = Collections.unmodifiableMap(filled);
        }
        return map;
    }

    /** The reason in the language of {@code locale}: Chinese for "zh…", English otherwise. */
    public String reason(Locale locale) {
        return locale != null && "zh".equals(locale.getLanguage()) ? reasonZh() : reasonEn();
    }

    private static String fill(String template, String[] keyValues) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String value = value(keyValues, template, i + 1, close);
                if (value != null) {
                    out.append(value);
                    i = close + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static String value(String[] keyValues, String template, int from, int to) {
        for (int k = 0; k + 1 < keyValues.length; k += 2) {
            String key = keyValues[k];
            if (key.length() == to - from && template.startsWith(key, from)) {
                return keyValues[k + 1];
            }
        }
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RuleHit other && ruleId.equals(other.ruleId) && reasonZh().equals(other.reasonZh())
                && reasonEn().equals(other.reasonEn()) && parameters().equals(other.parameters());
    }

    @Override
    public int hashCode() {
        return Objects.hash(ruleId, reasonEn());
    }

    @Override
    public String toString() {
        return "RuleHit[" + ruleId + ": " + reasonEn() + " " + parameters() + "]";
    }
}
