package dev.recoup.portfolio.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumberProperties {

    private static final int[] ISO_7064_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2, 1};

    @Property
    void everyWellFormedNumberIsAcceptedWithItsBirthDateAndGender(@ForAll("birthDates") LocalDate birth,
                                                                  @ForAll("regions") String region,
                                                                  @ForAll @IntRange(min = 0, max = 999) int sequence) {
        String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);

        Checked<IdNumber> id = IdNumber.parse(first17 + IdNumber.checkCharacter(first17));

        assertThat(id.value().birthDate()).isEqualTo(birth);
        assertThat(id.value().gender()).isEqualTo(sequence % 2 == 1 ? "M" : "F");
    }

    /** ISO 7064 MOD 11-2 stated the other way round: with X as 10, the weighted sum of all 18 is 1 mod 11. */
    @Property
    void theCheckCharacterMakesTheWeightedSumOneModuloEleven(@ForAll("validNumbers") String number) {
        int sum = 0;
        for (int i = 0; i < 18; i++) {
            int value = number.charAt(i) == 'X' ? 10 : number.charAt(i) - '0';
            sum += value * ISO_7064_WEIGHTS[i];
        }
        assertThat(sum % 11).isEqualTo(1);
    }

    @Property
    void anySingleMistypedCharacterIsCaught(@ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 17) int position,
                                            @ForAll @IntRange(min = 1, max = 10) int shift) {
        String alphabet = position == 17 ? "0123456789X" : "0123456789";
        int original = alphabet.indexOf(number.charAt(position));
        char typo = alphabet.charAt((original + shift) % alphabet.length());
        if (typo == number.charAt(position)) {
            return; // shift 10 on a digit: no typo at all
        }
        String mistyped = number.substring(0, position) + typo + number.substring(position + 1);

        assertThat(IdNumber.parse(mistyped)).isInstanceOf(Checked.Invalid.class)
                .extracting(c -> ((Checked.Invalid<?>) c).code()).isEqualTo(ReasonCode.ID_NUMBER_CHECK_DIGIT);
    }

    @Property
    void swappingTwoNeighbouringDigitsIsCaught(@ForAll("validNumbers") String number, @ForAll @IntRange(min = 0, max = 15) int position) {
        char a = number.charAt(position);
        char b = number.charAt(position + 1);
        if (a == b) {
            return;
        }
        String swapped = number.substring(0, position) + b + a + number.substring(position + 2);

        assertThat(IdNumber.parse(swapped).isValid()).isFalse();
    }

    @Provide
    Arbitrary<String> validNumbers() {
        return Combinators.combine(regions(), birthDates(), Arbitraries.integers().between(0, 999))
                .as((region, birth, sequence) -> {
                    String first17 = region + birth.format(DateTimeFormatter.BASIC_ISO_DATE) + "%03d".formatted(sequence);
                    return first17 + IdNumber.checkCharacter(first17);
                });
    }

    @Provide
    Arbitrary<LocalDate> birthDates() {
        return Arbitraries.integers().between(0, 125 * 366).map(days -> LocalDate.of(1900, 1, 1).plusDays(days))
                .filter(d -> d.getYear() < 2026);
    }

    @Provide
    Arbitrary<String> regions() {
        return Arbitraries.of("110105", "310115", "440305", "330106", "510107", "420106", "320102", "500103", "610113", "370202",
                "650102", "540102", "810000");
    }
}
