package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

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

    /** A hit with {@code keyValues} = name, value, name, value …; the reasons are filled when read. */
    RuleHit hit(String... keyValues) {
        return new RuleHit(id, zh, en, keyValues);
    }
}
