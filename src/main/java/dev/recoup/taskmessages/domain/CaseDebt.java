package dev.recoup.taskmessages.domain;

import java.time.LocalDate;

/**
 * The debt a case's message speaks of: the customer's account with the most overdue in the current
 * daily run (one account, so the account tail, the amount, the due date and the days late in one
 * message are all true of the same loan).
 *
 * @param accountRef          the lender's account id; its last four characters are the account tail
 * @param product             consumer_loan, credit_card, sme_loan or secured_loan
 * @param overdueFen          overdue now (principal, interest, fees, penalties), in fen
 * @param outstandingFen      everything still owed on the account, in fen
 * @param oldestUnpaidDueDate the due date of the oldest instalment not paid in full
 * @param daysPastDue         days past due of that instalment
 */
public record CaseDebt(long accountId, String accountRef, String product, long overdueFen, long outstandingFen, LocalDate oldestUnpaidDueDate,
                       int daysPastDue) {
}
