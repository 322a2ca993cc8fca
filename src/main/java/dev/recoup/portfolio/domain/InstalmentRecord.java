package dev.recoup.portfolio.domain;

import java.time.LocalDate;

/**
 * One line of an account's repayment schedule, identified by (account, seq). Amounts are fen.
 * principal_due and interest_due must be written (0 is fine): an empty cell there is more likely
 * a broken export than a free instalment. fee_due and penalty_due may be empty, or absent from the
 * header, and then mean 0: most lenders charge neither on most instalments.
 */
public record InstalmentRecord(String accountRef, int seq, LocalDate dueDate, long principalDue, long interestDue,
                               long feeDue, long penaltyDue) {

    public static final Layout LAYOUT = new Layout();
    public static final Column ACCOUNT_ID = LAYOUT.required("account_id");
    public static final Column SEQ = LAYOUT.required("seq");
    public static final Column DUE_DATE = LAYOUT.requiredDate("due_date");
    public static final Column PRINCIPAL_DUE = LAYOUT.required("principal_due");
    public static final Column INTEREST_DUE = LAYOUT.required("interest_due");
    public static final Column FEE_DUE = LAYOUT.optional("fee_due");
    public static final Column PENALTY_DUE = LAYOUT.optional("penalty_due");

    /** The instalment in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}). */
    public static InstalmentRecord read(Cells cells) {
        String accountRef = cells.key(ACCOUNT_ID);
        Integer seq = cells.positiveWholeNumber(SEQ);
        LocalDate due = cells.date(DUE_DATE);
        Long principal = cells.amount(PRINCIPAL_DUE);
        Long interest = cells.amount(INTEREST_DUE);
        Long fee = cells.amount(FEE_DUE);
        Long penalty = cells.amount(PENALTY_DUE);
        return cells.ok() ? new InstalmentRecord(accountRef, seq, due, principal, interest, fee == null ? 0 : fee,
                penalty == null ? 0 : penalty) : null;
    }
}
