package dev.recoup.portfolio.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** A loan account. Amounts are fen; the rate is a yearly decimal fraction (0.18 = 18%). */
public record AccountRecord(String accountRef, String customerRef, String product, String currency, long principal,
                            BigDecimal annualRate, LocalDate startDate, LocalDate maturityDate) {

    public static final Layout LAYOUT = new Layout();
    public static final Column ACCOUNT_ID = LAYOUT.required("account_id");
    public static final Column CUSTOMER_ID = LAYOUT.required("customer_id");
    public static final Column PRODUCT = LAYOUT.required("product");
    public static final Column CURRENCY = LAYOUT.required("currency");
    public static final Column PRINCIPAL = LAYOUT.required("principal");
    public static final Column ANNUAL_RATE = LAYOUT.required("annual_rate");
    public static final Column START_DATE = LAYOUT.requiredDate("start_date");
    public static final Column MATURITY_DATE = LAYOUT.optionalDate("maturity_date");

    public static final Choices PRODUCTS = Choices.of("consumer_loan", "credit_card", "sme_loan", "secured_loan")
            .alias("consumer_loan", "消费贷", "网贷", "消费贷款")
            .alias("credit_card", "信用卡")
            .alias("sme_loan", "小微企业贷款", "经营贷")
            .alias("secured_loan", "抵押贷款", "抵押贷");

    /**
     * The account in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}).
     *
     * @param currencies the accepted currency codes, upper case
     */
    public static AccountRecord read(Cells cells, List<String> currencies) {
        String ref = cells.key(ACCOUNT_ID);
        String customerRef = cells.key(CUSTOMER_ID);
        String product = cells.choice(PRODUCT, PRODUCTS);
        String currency = cells.text(CURRENCY);
        if (currency != null) {
            currency = currency.toUpperCase(Locale.ROOT);
            if (!currencies.contains(currency)) {
                cells.reject(CURRENCY, ReasonCode.CURRENCY_NOT_ACCEPTED, currency, String.join(", ", currencies));
            }
        }
        Long principal = cells.amount(PRINCIPAL);
        BigDecimal rate = cells.rate(ANNUAL_RATE);
        LocalDate start = cells.date(START_DATE);
        LocalDate maturity = cells.date(MATURITY_DATE);
        if (start != null && maturity != null && maturity.isBefore(start)) {
            cells.reject(MATURITY_DATE, ReasonCode.MATURITY_BEFORE_START, start);
        }
        return cells.ok() ? new AccountRecord(ref, customerRef, product, currency, principal, rate, start, maturity) : null;
    }
}
