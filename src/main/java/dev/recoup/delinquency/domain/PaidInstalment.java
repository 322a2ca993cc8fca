package dev.recoup.delinquency.domain;

import java.time.LocalDate;

/**
 * What payments covered of one instalment.
 *
 * @param settledOn the day of the payment that completed it, or null while something is unpaid
 */
public record PaidInstalment(Instalment instalment, long feePaid, long penaltyPaid, long interestPaid, long principalPaid,
                             LocalDate settledOn) {

    public long unpaidPrincipal() {
        return instalment.principal() - principalPaid;
    }

    public long unpaidInterest() {
        return instalment.interest() - interestPaid;
    }

    public long unpaidFee() {
        return instalment.fee() - feePaid;
    }

    public long unpaidPenalty() {
        return instalment.penalty() - penaltyPaid;
    }

    public long unpaid() {
        return unpaidPrincipal() + unpaidInterest() + unpaidFee() + unpaidPenalty();
    }

    public long paid() {
        return feePaid + penaltyPaid + interestPaid + principalPaid;
    }

    public boolean fullyPaid() {
        return unpaid() == 0;
    }
}
