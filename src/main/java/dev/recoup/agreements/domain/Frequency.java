package dev.recoup.agreements.domain;

import java.time.LocalDate;

/** How often a plan's instalments fall due. */
public enum Frequency {
    WEEKLY(52), FORTNIGHTLY(26), MONTHLY(12);

    private final int perYear;

    Frequency(int perYear) {
        this.perYear = perYear;
    }

    /**
     * The due date of instalment {@code seq} (1-based) of a plan starting on {@code start}. Months are
     * counted from the start each time, so a plan starting on 31 January is due 28/29 February, then 31 March.
     */
    public LocalDate dueOn(LocalDate start, int seq) {
        int k = seq - 1;
        return switch (this) {
            case WEEKLY -> start.plusWeeks(k);
            case FORTNIGHTLY -> start.plusWeeks(2L * k);
            case MONTHLY -> start.plusMonths(k);
        };
    }

    /** An instalment of this frequency as a monthly amount (rounded up to the fen): weekly × 52 ÷ 12, fortnightly × 26 ÷ 12. */
    public long monthlyEquivalent(long instalment) {
        return Math.ceilDiv(Math.multiplyExact(instalment, perYear), 12);
    }
}
