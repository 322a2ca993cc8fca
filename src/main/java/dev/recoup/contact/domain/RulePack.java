package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of rules chosen per portfolio, with what the rules need to know about the pack as a whole.
 *
 * @param id           e.g. {@code CN}, {@code US-REGF}, {@code UK-CONC}
 * @param nameZh       the pack's name in Chinese
 * @param nameEn       the pack's name in English
 * @param rules        the rules, in the order their hits are listed
 * @param debtorSide   the roles that count as the debtor (everyone else but the attorney is a third party)
 * @param defaultZones the zones assumed when nothing is known of a person's location
 */
public record RulePack(String id, String nameZh, String nameEn, List<ContactRule> rules, Set<ContactRole> debtorSide,
                       PossibleZones defaultZones) {

    public RulePack {
        rules = List.copyOf(rules);
        debtorSide = EnumSets.frozen(debtorSide, ContactRole.class);
        if (defaultZones == null || defaultZones.isEmpty()) {
            throw new InvalidInputException("defaultZones", String.valueOf(defaultZones), "a pack needs default time zones");
        }
        if (!debtorSide.contains(ContactRole.SELF)) {
            throw new InvalidInputException("debtorSide", debtorSide.toString(), "the debtor is always on the debtor's side");
        }
        Set<String> ids = new HashSet<>();
        for (ContactRule rule : rules) {
            if (!ids.add(rule.id())) {
                throw new InvalidInputException("rules", rule.id(), "two rules with the same id");
            }
        }
    }

    /** How far back the ledger must reach for the rules of this pack (load at least this much before the proposed time). */
    public Duration historyLookback() {
        Duration longest = Duration.ZERO;
        for (ContactRule rule : rules) {
            if (rule.lookback().compareTo(longest) > 0) {
                longest = rule.lookback();
            }
        }
        return longest;
    }

    public ContactRule rule(String ruleId) {
        for (ContactRule rule : rules) {
            if (rule.id().equals(ruleId)) {
                return rule;
            }
        }
        throw new InvalidInputException("ruleId", ruleId, "no such rule in pack " + id);
    }

    public List<String> ruleIds() {
        return rules.stream().map(ContactRule::id).toList();
    }
}
