package dev.recoup.portfolio.domain;

import java.util.Locale;

/**
 * Why a row was rejected, as a stable code for programs; the words for people live in the
 * message bundles under {@code import.reason.<code>}, with the arguments each code carries.
 */
public enum ReasonCode {
    /** The cell is empty but the column is required. */
    REQUIRED,
    /** Longer than the format allows. Args: the limit. */
    TOO_LONG,
    /** Contains a character PostgreSQL text cannot hold (NUL). */
    CONTROL_CHARACTER,
    /** Not yyyy-MM-dd, or not a real day (2024-02-30). */
    NOT_A_DATE,
    /** A real date but outside 1900–2199, almost surely a typo. */
    DATE_OUT_OF_RANGE,
    /** Not a plain decimal number of yuan. */
    NOT_AN_AMOUNT,
    NEGATIVE_AMOUNT,
    /** Args: the number of decimals allowed. */
    TOO_MANY_DECIMALS,
    AMOUNT_TOO_LARGE,
    /** Zero where only a positive amount makes sense (a payment). */
    AMOUNT_NOT_POSITIVE,
    /** Not a decimal fraction like 0.18. */
    NOT_A_RATE,
    /** Above 1, or written with %: the lender meant percent. */
    RATE_LOOKS_LIKE_PERCENTAGE,
    /** Not a whole number from 1 up. */
    NOT_A_POSITIVE_WHOLE_NUMBER,
    /** Not one of the allowed words. Args: the allowed words. */
    UNKNOWN_VALUE,
    /** Args: the currency, the accepted ones. */
    CURRENCY_NOT_ACCEPTED,
    /** Not 17 digits followed by a digit or X. */
    ID_NUMBER_FORMAT,
    /** Args: the check digit the first 17 digits call for. */
    ID_NUMBER_CHECK_DIGIT,
    /** Args: the eight digits that should be the birth date. */
    ID_NUMBER_BIRTH_DATE,
    /** Args: the birth date given, the one in the ID number. */
    BIRTH_DATE_MISMATCH,
    PHONE_INVALID,
    EMAIL_INVALID,
    REGION_CODE_INVALID,
    GENDER_INVALID,
    BOOLEAN_INVALID,
    /** Args: the start date. */
    MATURITY_BEFORE_START,
    /** Args: values in the row, columns in the header. */
    TOO_MANY_FIELDS,
    /** Args: the key columns, the row of the first occurrence, its file. */
    DUPLICATE,
    /** Args: the customer id. */
    UNKNOWN_CUSTOMER,
    /** Args: the account id. */
    UNKNOWN_ACCOUNT;

    /** The code as stored and shown: {@code not_a_date}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
