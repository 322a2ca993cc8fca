package dev.recoup.delinquency.domain;

import java.time.LocalDate;

/** Money the customer paid on an account, in minor units. */
public record Repayment(LocalDate paidOn, long amount) {

    public Repayment {
        if (amount <= 0) {
            throw new IllegalArgumentException("a repayment is a positive amount");
        }
    }
}
