package dev.recoup.portfolio.domain;

import java.time.LocalDate;

/** Money the customer paid on an account, as the lender recorded it. The amount is fen, above zero. */
public record PaymentRecord(String paymentRef, String accountRef, LocalDate paidOn, long amount, String channel) {

    public static final Layout LAYOUT = new Layout();
    public static final Column PAYMENT_ID = LAYOUT.required("payment_id");
    public static final Column ACCOUNT_ID = LAYOUT.required("account_id");
    public static final Column PAID_ON = LAYOUT.requiredDate("paid_on");
    public static final Column AMOUNT = LAYOUT.required("amount");
    public static final Column CHANNEL = LAYOUT.optional("channel");

    /** The payment in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}). */
    public static PaymentRecord read(Cells cells) {
        String ref = cells.key(PAYMENT_ID);
        String accountRef = cells.key(ACCOUNT_ID);
        LocalDate paidOn = cells.date(PAID_ON);
        Long amount = cells.positiveAmount(AMOUNT);
        String channel = cells.text(CHANNEL);
        return cells.ok() ? new PaymentRecord(ref, accountRef, paidOn, amount, channel) : null;
    }
}
