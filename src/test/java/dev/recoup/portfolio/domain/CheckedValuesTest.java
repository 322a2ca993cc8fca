package dev.recoup.portfolio.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedValuesTest {

    @ParameterizedTest
    @ValueSource(strings = {"zhang.wei@example.com", "li_na+loan@mail.example.cn", "王芳@例子.中国"})
    void plausibleEmailAddressesAreAccepted(String email) {
        assertThat(EmailAddress.parse(email).isValid()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"lin.feng@", "@example.com", "a@b", "a@@example.com", "zhang wei@example.com", "a@example..com",
            "a@-example.com"})
    void malformedEmailAddressesAreRejected(String email) {
        assertThat(EmailAddress.parse(email)).isEqualTo(Checked.invalid(ReasonCode.EMAIL_INVALID));
    }

    @ParameterizedTest
    @ValueSource(strings = {"110105", "310115", "440305", "500103", "650102", "810000"})
    void regionCodesOfProvincesAreAccepted(String code) {
        assertThat(RegionCode.parse(code).value()).isEqualTo(code);
    }

    @ParameterizedTest
    @ValueSource(strings = {"12345", "1101055", "990101", "000000", "11010A", "100000"})
    void regionCodesOfNoProvinceAreRejected(String code) {
        assertThat(RegionCode.parse(code)).isEqualTo(Checked.invalid(ReasonCode.REGION_CODE_INVALID));
    }
}
