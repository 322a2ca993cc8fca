package dev.recoup.agreements.domain;

import java.time.LocalDate;

/**
 * When a promise counts as kept (R15): paying at least {@code keepPercent} % of the promised amount
 * (rounded up to the fen), or leaving at most {@code toleranceFen} unpaid — whichever asks less —,
 * on the accounts it covers, from the day it was recorded to {@code graceDays} after the promised
 * date. Both are fixed on the promise when it is recorded ({@link #requiredAmount},
 * {@link #graceEndsOn}), so changing the settings later does not re-judge old promises.
 */
public record KeepRule(int keepPercent, long toleranceFen, int graceDays) {

    public KeepRule {
        if (keepPercent < 1 || keepPercent > 100) {
            throw new IllegalArgumentException("keep-percent must be 1–100, not " + keepPercent);
        }
        if (toleranceFen < 0 || graceDays < 0) {
            throw new IllegalArgumentException("keep-tolerance-fen and grace-days must not be negative");
        }
    }

    /** The least payment that keeps a promise of {@code amount} fen; at least 1 fen. */
    public long requiredAmount(long amount) {
        long byPercent = Math.ceilDiv(Math.multiplyExact(amount, keepPercent), 100);
        long byTolerance = amount - toleranceFen;
        return Math.max(1, Math.min(byPercent, byTolerance));
    }

    /** The last day a payment counts towards the promise. */
    public LocalDate graceEndsOn(LocalDate promisedOn) {
        return promisedOn.plusDays(graceDays);
    }

    /**
     * The verdict on a promise as of {@code today}, from what was paid towards it. The SQL that
     * judges promises in bulk ({@code PromiseJudge}) applies exactly this rule.
     */
    public static PromiseStatus judge(long paid, long requiredAmount, LocalDate graceEndsOn, LocalDate today) {
        if (paid >= requiredAmount) {
            return PromiseStatus.KEPT;
        }
        if (!graceEndsOn.isBefore(today)) {
            return PromiseStatus.OPEN;
        }
        return paid > 0 ? PromiseStatus.PARTLY_KEPT : PromiseStatus.BROKEN;
    }
}
