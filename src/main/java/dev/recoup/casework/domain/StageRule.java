package dev.recoup.casework.domain;

import dev.recoup.casework.CaseStage;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * What a flow stage demands (R8): who owns it, how many days a case may stay, and whose queue
 * hears about it when it stays longer. For CLOSED the limit is the archive period; ARCHIVED has none.
 *
 * @param limitDays       0 for no limit
 * @param escalationQueue the supervisor queue that gets the ESCALATION task
 */
public record StageRule(CaseStage stage, String ownerRole, int limitDays, String escalationQueue) {

    public StageRule {
        if (limitDays < 0) {
            throw new IllegalArgumentException("limit-days of " + stage + " must be 0 (no limit) or more, not " + limitDays);
        }
    }

    public boolean hasLimit() {
        return limitDays > 0;
    }

    /** The last day a case that entered on {@code enteredOn} is within the limit, or null without one. */
    public LocalDate limitOn(LocalDate enteredOn) {
        return hasLimit() ? enteredOn.plusDays(limitDays) : null;
    }

    /** Over the limit on {@code date}: more than {@code limitDays} days in the stage. */
    public boolean overdue(LocalDate enteredOn, LocalDate date) {
        return hasLimit() && date.isAfter(limitOn(enteredOn));
    }

    public static long daysBetween(LocalDate enteredOn, LocalDate date) {
        return ChronoUnit.DAYS.between(enteredOn, date);
    }

    /** Escalated by the daily review: a working stage with a limit (CLOSED archives instead). */
    public boolean escalates() {
        return hasLimit() && !FlowRules.isTerminal(stage);
    }
}
