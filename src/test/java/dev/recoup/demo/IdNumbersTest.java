package dev.recoup.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class IdNumbersTest {

    @Test
    void theStandardsOwnExampleGetsTheCheckCharacterX() {
        // GB 11643-1999's worked example: 11010519491231002X
        assertThat(IdNumbers.of("110105", LocalDate.of(1949, 12, 31), 2)).isEqualTo("11010519491231002X");
    }

    @Test
    void theCheckCharacterMakesTheWeightedSumOneModuloEleven() {
        DemoRandom random = new DemoRandom(1);
        for (int i = 0; i < 10_000; i++) {
            String id = IdNumbers.of(String.valueOf(random.between(110000, 659999)),
                    LocalDate.ofEpochDay(random.between(-7000, 15000)), random.between(0, 999));
            // ISO 7064 MOD 11-2 over all 18 positions, X counting 10, weights 2^(17-i) mod 11
            int sum = 0;
            for (int position = 0; position < 18; position++) {
                int value = id.charAt(position) == 'X' ? 10 : id.charAt(position) - '0';
                sum += value * ((1 << (17 - position)) % 11);
            }
            assertThat(sum % 11).as(id).isEqualTo(1);
        }
    }
}
