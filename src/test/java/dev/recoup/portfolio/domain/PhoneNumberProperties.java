package dev.recoup.portfolio.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

class PhoneNumberProperties {

    @Property
    void aMobileWrittenWithAnyPrefixAndSeparatorsIsStoredAsItsElevenDigits(@ForAll("mobiles") String mobile,
                                                                           @ForAll("countryPrefixes") String prefix,
                                                                           @ForAll("separators") String separator) {
        String written = prefix + mobile.substring(0, 3) + separator + mobile.substring(3, 7) + separator + mobile.substring(7);

        assertThat(PhoneNumber.parse(written).value()).isEqualTo(new PhoneNumber(mobile, true));
    }

    @Property
    void aLandlineIsStoredAsAreaCodeDashLocalNumberHoweverItIsWritten(@ForAll("areaCodes") String area, @ForAll("localNumbers") String local,
                                                                     @ForAll("separators") String separator) {
        String stored = area + "-" + local;

        assertThat(PhoneNumber.parse(area + separator + local).value().value()).isEqualTo(stored);
        assertThat(PhoneNumber.parse("(" + area + ")" + local).value().value()).isEqualTo(stored);
        assertThat(PhoneNumber.parse("+86 " + area.substring(1) + separator + local).value().value()).isEqualTo(stored);
    }

    @Property
    void normalisingTwiceChangesNothing(@ForAll("anyWrittenNumber") String written) {
        Checked<PhoneNumber> once = PhoneNumber.parse(written);
        if (once.isValid()) {
            assertThat(PhoneNumber.parse(once.value().value())).isEqualTo(once);
        }
    }

    @Property
    void aNumberWithALetterInItIsRejected(@ForAll("mobiles") String mobile, @ForAll("letters") char letter) {
        String written = mobile.substring(0, 5) + letter + mobile.substring(6);

        assertThat(PhoneNumber.parse(written).isValid()).isFalse();
    }

    @Provide
    Arbitrary<String> mobiles() {
        return Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(9))
                .as((second, rest) -> "1" + second + rest);
    }

    @Provide
    Arbitrary<String> countryPrefixes() {
        return Arbitraries.of("", "+86", "+86 ", "0086", "0086-", "86", "86 ");
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-", " - ", "  ");
    }

    @Provide
    Arbitrary<String> areaCodes() {
        Arbitrary<String> threeDigit = Arbitraries.of("010", "020", "021", "022", "023", "024", "025", "027", "028", "029");
        Arbitrary<String> fourDigit = Combinators.combine(Arbitraries.integers().between(3, 9), Arbitraries.strings().numeric().ofLength(2))
                .as((second, rest) -> "0" + second + rest);
        return Arbitraries.oneOf(threeDigit, fourDigit);
    }

    @Provide
    Arbitrary<String> localNumbers() {
        return Combinators.combine(Arbitraries.integers().between(1, 9), Arbitraries.strings().numeric().ofMinLength(6).ofMaxLength(7))
                .as((first, rest) -> first + rest);
    }

    @Provide
    Arbitrary<String> anyWrittenNumber() {
        return Arbitraries.oneOf(
                Combinators.combine(countryPrefixes(), mobiles(), separators()).as((p, m, s) -> p + m.substring(0, 3) + s + m.substring(3)),
                Combinators.combine(areaCodes(), separators(), localNumbers()).as((a, s, l) -> a + s + l),
                Arbitraries.strings().withChars("0123456789+- ()").ofMaxLength(16));
    }

    @Provide
    Arbitrary<Character> letters() {
        return Arbitraries.chars().alpha();
    }
}
