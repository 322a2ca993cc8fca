package dev.recoup.portfolio.domain;

import java.time.LocalDate;

/** Something pledged for an account. The appraised value is fen. */
public record CollateralRecord(String collateralRef, String accountRef, String type, String description,
                               Long appraisedValue, LocalDate appraisedOn) {

    public static final Layout LAYOUT = new Layout();
    public static final Column COLLATERAL_ID = LAYOUT.required("collateral_id");
    public static final Column ACCOUNT_ID = LAYOUT.required("account_id");
    public static final Column TYPE = LAYOUT.required("type");
    public static final Column DESCRIPTION = LAYOUT.optional("description");
    public static final Column APPRAISED_VALUE = LAYOUT.optional("appraised_value");
    public static final Column APPRAISED_ON = LAYOUT.optionalDate("appraised_on");

    public static final Choices TYPES = Choices.of("real_estate", "vehicle", "equity", "receivable", "other")
            .alias("real_estate", "房产", "不动产")
            .alias("vehicle", "车辆", "机动车")
            .alias("equity", "股权")
            .alias("receivable", "应收账款")
            .alias("other", "其他");

    /** The collateral in {@code cells}, or null when the row is rejected (the reasons are in {@code cells}). */
    public static CollateralRecord read(Cells cells) {
        String ref = cells.key(COLLATERAL_ID);
        String accountRef = cells.key(ACCOUNT_ID);
        String type = cells.choice(TYPE, TYPES);
        String description = cells.text(DESCRIPTION);
        Long value = cells.amount(APPRAISED_VALUE);
        LocalDate appraisedOn = cells.date(APPRAISED_ON);
        return cells.ok() ? new CollateralRecord(ref, accountRef, type, description, value, appraisedOn) : null;
    }
}
