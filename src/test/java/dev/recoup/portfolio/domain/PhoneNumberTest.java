package dev.recoup.portfolio.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberTest {

    @ParameterizedTest(name = "{0} is the mobile {1}")
    @CsvSource(delimiter = '|', value = {
            "13812345678|13812345678",
            "138 1234 5678|13812345678",
            "138-1234-5678|13812345678",
            "+86 138 1234 5678|13812345678",
            "+8613812345678|13812345678",
            "0086-138-1234-5678|13812345678",
            "86 13812345678|13812345678",
            "19912345678|19912345678"})
    void mobilesAreStoredAsElevenDigits(String written, String stored) {
        assertThat(PhoneNumber.parse(written).value()).isEqualTo(new PhoneNumber(stored, true));
    }

    @ParameterizedTest(name = "{0} is the landline {1}")
    @CsvSource(delimiter = '|', value = {
            "010-12345678|010-12345678",
            "01012345678|010-12345678",
            "(021)68881234|021-68881234",
            "0755 2678 1234|0755-26781234",
            "0571-8765432|0571-8765432",
            "+86 10 1234 5678|010-12345678",
            "+86 755 26781234|0755-26781234"})
    void landlinesAreStoredWithTheAreaCodeAndADash(String written, String stored) {
        assertThat(PhoneNumber.parse(written).value()).isEqualTo(new PhoneNumber(stored, false));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "12812345678",    // no mobile network starts 12
            "1381234567",     // ten digits
            "138123456789",   // twelve digits
            "12345",
            "400-123-4567",   // a service number, no person's
            "010-0123456",    // a local number never starts with 0
            "+1 415 555 0100",
            "138l2345678",    // a letter l for a 1
            "tel:13812345678"})
    void otherNumbersAreRejected(String written) {
        assertThat(PhoneNumber.parse(written)).isInstanceOf(Checked.Invalid.class);
    }
}
