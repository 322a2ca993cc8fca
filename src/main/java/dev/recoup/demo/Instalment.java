package dev.recoup.demo;

import java.time.LocalDate;

/** One row of a repayment schedule, amounts in fen; the late charges are set by the behaviour. */
final class Instalment {

    final int seq;
    final LocalDate due;
    final long principal;
    final long interest;
    long fee;
    long penalty;
    /** When the instalment was paid in full; null when still open on the as-of date. */
    LocalDate settledOn;

    Instalment(int seq, LocalDate due, long principal, long interest) {
        this.seq = seq;
        this.due = due;
        this.principal = principal;
        this.interest = interest;
    }

    long total() {
        return principal + interest + fee + penalty;
    }
}
