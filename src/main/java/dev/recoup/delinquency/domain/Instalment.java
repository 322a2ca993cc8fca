package dev.recoup.delinquency.domain;

import java.time.LocalDate;

/** One scheduled instalment as the lender set it, amounts in minor units. */
public record Instalment(int seq, LocalDate dueDate, long principal, long interest, long fee, long penalty) {

    public Instalment {
        if (principal < 0 || interest < 0 || fee < 0 || penalty < 0) {
            throw new IllegalArgumentException("instalment amounts must not be negative");
        }
    }

    public long total() {
        return principal + interest + fee + penalty;
    }
}
