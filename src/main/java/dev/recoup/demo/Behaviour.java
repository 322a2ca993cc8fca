package dev.recoup.demo;

import java.util.Locale;

/**
 * How an account repays, decided once per account; it determines the account's payments and so
 * its days past due on the as-of date. The shares of the first four come from the Taiwan
 * calibration; {@link #RECENT_NEW} is a design choice (see ADR 0003).
 */
public enum Behaviour {
    /** Pays every instalment in full on or a few days before its due date. */
    ON_TIME,
    /** Missed one or more instalments, then paid the arrears with late charges; current now. */
    LATE_THEN_CURED,
    /** Keeps paying, but less than falls due, so it stays some months behind. */
    PARTIAL_PAYER,
    /** Paid on time, then stopped paying and rolls a bucket a month: M1, M2, ... M7+. */
    ROLL_FORWARD,
    /** Opened in the last two months: at most one instalment due so far, paid on time. */
    RECENT_NEW;

    /** The lower-case name used in summaries and the properties file. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
