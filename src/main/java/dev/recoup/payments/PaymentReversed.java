package dev.recoup.payments;

import java.time.LocalDate;

/** Published inside the reversal's transaction when a posted payment is reversed. */
public record PaymentReversed(long paymentId, long accountId, Long caseId, LocalDate paidOn, long amountFen, String reason, String reversedBy) {
}
