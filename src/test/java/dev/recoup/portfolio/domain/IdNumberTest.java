package dev.recoup.portfolio.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberTest {

    @Test
    void aValidNumberGivesItsBirthDateAndGender() {
        Checked<IdNumber> id = IdNumber.parse("110105198503141016");

        assertThat(id).isEqualTo(Checked.valid(new IdNumber("110105198503141016", LocalDate.of(1985, 3, 14), "M")));
    }

    @Test
    void anEvenSequenceDigitIsAWoman() {
        assertThat(IdNumber.parse("310115199007222022").value().gender()).isEqualTo("F");
    }

    @Test
    void aLowerCaseCheckXIsWrittenUpperCase() {
        assertThat(IdNumber.parse("11010519900307101x").value().value()).isEqualTo("11010519900307101X");
    }

    @Test
    void aWrongCheckDigitIsRejectedNamingTheRightOne() {
        assertThat(IdNumber.parse("110105198503141017")).isEqualTo(new Checked.Invalid<>(ReasonCode.ID_NUMBER_CHECK_DIGIT, List.of("6")));
    }

    @Test
    void theFifteenDigitNumbersOfBefore1999AreNotAccepted() {
        assertThat(IdNumber.parse("110105850314101")).isEqualTo(new Checked.Invalid<>(ReasonCode.ID_NUMBER_FORMAT, List.of()));
    }

    @Test
    void lettersInsideTheNumberAreRejected() {
        assertThat(IdNumber.parse("11010519850314A016")).isEqualTo(new Checked.Invalid<>(ReasonCode.ID_NUMBER_FORMAT, List.of()));
    }

    @Test
    void aBirthDateThatDoesNotExistIsRejectedEvenWithTheRightCheckDigit() {
        assertThat(IdNumber.parse("440305199902301023"))
                .isEqualTo(new Checked.Invalid<>(ReasonCode.ID_NUMBER_BIRTH_DATE, List.of("19990230")));
    }

    @Test
    void theTwentyNinthOfFebruaryOfALeapYearIsARealBirthDate() {
        assertThat(IdNumber.parse("440305200002291021").value().birthDate()).isEqualTo(LocalDate.of(2000, 2, 29));
    }
}
