package dev.recoup.contact.domain;

import dev.recoup.shared.InvalidInputException;

/** A visit needs at least {@code minimum} staff. A visit planned with fewer is never allowed as asked. */
public record MinimumStaffRule(RuleText text, int minimum) implements ContactRule {

    public MinimumStaffRule {
        if (minimum < 1) {
            throw new InvalidInputException("minimumVisitStaff", Integer.toString(minimum), "a visit needs at least one person");
        }
    }

    @Override
    public RuleHit check(Situation s, long t, boolean explain) {
        if (s.request.channel() != Channel.VISIT || s.request.staffCount() >= minimum) {
            return null;
        }
        return explain ? text.hit("staff", Integer.toString(s.request.staffCount()), "minimum", Integer.toString(minimum)) : OBJECTS;
    }

    @Override
    public long nextChange(Situation s, long t) {
        return NEVER;
    }
}
