package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rule's id and its reason in zh-CN and en, with {@code {name}} placeholders filled from the
 * hit's parameters. The pack writes its configured values (the window, the cap) into the text when
 * it builds the rule.
 */
public record RuleText(String id, String zh, String en) {

    public RuleText {
        if (id == null || id.isBlank() || zh == null || en == null) {
            throw new InvalidInputException("rule.id", String.valueOf(id), "a rule needs an id and reasons in zh and en");
        }
    }

    /** A hit with {@code keyValues} = name, value, name, value … */
    RuleHit hit(String... keyValues) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            parameters.put(keyValues[i], keyValues[i + 1]);
        }
        return new RuleHit(id, fill(zh, parameters), fill(en, parameters), parameters);
    }

    private static String fill(String template, Map<String, String> parameters) {
        if (template.indexOf('{') < 0) {
            return template;
        }
        StringBuilder out = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close > i) {
                String value = parameters.get(template.substring(i + 1, close));
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
}
