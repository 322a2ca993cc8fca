package dev.recoup.payments;

import java.time.LocalDate;

/**
 * One payment as it was posted.
 *
 * @param caseId the open collection case of the account's customer when it was posted, or null
 * @param credit the part of the amount no instalment needed (kept as the account's credit)
 */
public record PostedPayment(long paymentId, String paymentRef, long accountId, Long caseId, LocalDate paidOn, long amountFen, long credit,
                            String channel) {
}
