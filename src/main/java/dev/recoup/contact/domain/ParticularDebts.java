package dev.recoup.contact.domain;

/**
 * Regulation F's "particular debt" (§1006.14(b)(4)): each debt in collection is one, except student
 * loans, where all the loans serviced under a single account number when the collector obtained
 * them are one. Callers key {@link ContactRequest#debtIds()} and {@link Attempt#debtIds()} with
 * {@link #key}, so three such loans share one 7-in-7 count (comment 14(b)(4)-2.vii).
 */
public final class ParticularDebts {

    private ParticularDebts() {
    }

    /** The particular-debt key of {@code debtId}: its student-loan servicing account if it has one, else itself. */
    public static String key(String debtId, String studentLoanServicingAccount) {
        return studentLoanServicingAccount == null || studentLoanServicingAccount.isBlank() ? debtId
                : "student-loan:" + studentLoanServicingAccount;
    }
}
