package dev.recoup.portfolio.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class CellsTest {

    private static final Layout LAYOUT = new Layout();
    private static final Column REQUIRED = LAYOUT.required("required");
    private static final Column OPTIONAL = LAYOUT.optional("optional");

    private final Cells cells = new Cells(LAYOUT);

    @ParameterizedTest(name = "{0} yuan is {1} fen")
    @CsvSource({"1234.56,123456", "0,0", "12.5,1250", "7,700", "0.01,1", "00012.30,1230"})
    void amountsInYuanAreReadAsFen(String yuan, long fen) {
        load(yuan);

        assertThat(cells.amount(REQUIRED)).isEqualTo(fen);
        assertThat(cells.ok()).isTrue();
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource({"-5,NEGATIVE_AMOUNT", "1.234,TOO_MANY_DECIMALS", "'1,234.00',NOT_AN_AMOUNT", "1e5,NOT_AN_AMOUNT",
            "¥100,NOT_AN_AMOUNT", "99999999999999999999,AMOUNT_TOO_LARGE", "12.,NOT_AN_AMOUNT"})
    void badAmountsAreRejectedWithTheirReason(String yuan, ReasonCode code) {
        load(yuan);

        assertThat(cells.amount(REQUIRED)).isNull();
        assertThat(cells.problems()).extracting(Problem::column, Problem::value, Problem::code).containsExactly(tuple(REQUIRED, yuan, code));
    }

    @Test
    void aPaymentOfZeroIsRejected() {
        load("0.00");

        assertThat(cells.positiveAmount(REQUIRED)).isNull();
        assertThat(cells.problems()).extracting(Problem::code).containsExactly(ReasonCode.AMOUNT_NOT_POSITIVE);
    }

    @ParameterizedTest(name = "rate {0} is {1}")
    @CsvSource({"0.18,0.180000", "0,0.000000", "1,1.000000", "0.083500,0.083500", "0.123456,0.123456"})
    void ratesAreDecimalFractionsFromZeroToOne(String written, BigDecimal rate) {
        load(written);

        assertThat(cells.rate(REQUIRED)).isEqualTo(rate);
    }

    @ParameterizedTest(name = "rate {0} is rejected: {1}")
    @CsvSource({"18,RATE_LOOKS_LIKE_PERCENTAGE", "1.01,RATE_LOOKS_LIKE_PERCENTAGE", "18%,RATE_LOOKS_LIKE_PERCENTAGE",
            "0.1234567,TOO_MANY_DECIMALS", "-0.1,NOT_A_RATE", "abc,NOT_A_RATE"})
    void ratesOutsideZeroToOneAreRejected(String written, ReasonCode code) {
        load(written);

        assertThat(cells.rate(REQUIRED)).isNull();
        assertThat(cells.problems()).extracting(Problem::code).containsExactly(code);
    }

    @ParameterizedTest(name = "{0} is rejected: {1}")
    @CsvSource({"2023-02-29,NOT_A_DATE", "2024-2-1,NOT_A_DATE", "2024/02/01,NOT_A_DATE", "01.02.2024,NOT_A_DATE",
            "1899-12-31,DATE_OUT_OF_RANGE", "2200-01-01,DATE_OUT_OF_RANGE"})
    void datesMustBeRealAndWrittenYearMonthDay(String written, ReasonCode code) {
        load(written);

        assertThat(cells.date(REQUIRED)).isNull();
        assertThat(cells.problems()).extracting(Problem::code).containsExactly(code);
    }

    @Test
    void aLeapDayIsADate() {
        load("2024-02-29");

        assertThat(cells.date(REQUIRED)).isEqualTo(LocalDate.of(2024, 2, 29));
    }

    @Test
    void anEmptyRequiredCellIsRejectedAndAnEmptyOptionalOneIsNull() {
        cells.load(new String[] {"  ", null});

        assertThat(cells.text(REQUIRED)).isNull();
        assertThat(cells.amount(OPTIONAL)).isNull();
        assertThat(cells.problems()).extracting(Problem::column, Problem::code).containsExactly(tuple(REQUIRED, ReasonCode.REQUIRED));
    }

    @Test
    void blanksAroundAValueAreDropped() {
        load("  C001 \u3000");

        assertThat(cells.key(REQUIRED)).isEqualTo("C001");
    }

    @Test
    void everyProblemOfARowIsReportedNotOnlyTheFirst() {
        cells.load(new String[] {"x", "y"});

        cells.date(REQUIRED);
        cells.amount(OPTIONAL);

        assertThat(cells.problems()).extracting(Problem::column).containsExactly(REQUIRED, OPTIONAL);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"spouse,spouse", "Spouse,spouse", "配偶,spouse", "紧急联系人,emergency", "SELF,self"})
    void rolesMayBeWrittenInChineseOrAnyCase(String written, String role) {
        load(written);

        assertThat(cells.choice(REQUIRED, ContactRecord.ROLES)).isEqualTo(role);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"M,M", "m,M", "男,M", "Male,M", "F,F", "女,F", "female,F"})
    void genderIsStoredAsMOrF(String written, String gender) {
        load(written);

        String read = cells.checked(REQUIRED, CustomerRecord::gender);

        assertThat(read).isEqualTo(gender);
    }

    private void load(String value) {
        cells.load(new String[] {value, null});
    }
}
