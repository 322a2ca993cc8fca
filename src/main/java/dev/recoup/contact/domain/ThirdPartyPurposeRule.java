package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.Set;

/**
 * Third parties (anyone not on the debtor's side of the pack and not the debtor's attorney) may be
 * contacted only for {@code allowed} purposes — never for collection. Such a contact can never be
 * allowed as asked, so it has no next allowed time.
 */
public record ThirdPartyPurposeRule(RuleText text, Set<Purpose> allowed) implements ContactRule {

    public ThirdPartyPurposeRule {
        allowed = EnumSets.frozen(allowed, Purpose.class);
        for (Purpose purpose : allowed) {
            if (purpose.collects()) {
                throw new InvalidInputException("thirdPartyPurposes", purpose.name(), "third parties are never contacted for collection");
            }
        }
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (!s.thirdParty || allowed.contains(s.request.purpose())) {
            return null;
        }
        return explain ? text.hit("role", s.request.role().name(), "roleZh", s.request.role().zh(), "roleEn", s.request.role().en(),
                "purpose", s.request.purpose().name()) : OBJECTS;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return NEVER;
    }
}
