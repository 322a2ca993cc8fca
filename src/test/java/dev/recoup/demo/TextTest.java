package dev.recoup.demo;

import dev.recoup.shared.MinorUnits;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TextTest {

    @Test
    void amountsAreWrittenAsYuanThatTheImporterParsesBackToTheSameFen() {
        assertThat(Text.yuan(0)).isEqualTo("0.00");
        assertThat(Text.yuan(5)).isEqualTo("0.05");
        assertThat(Text.yuan(123405)).isEqualTo("1234.05");
        DemoRandom random = new DemoRandom(9);
        for (int i = 0; i < 100_000; i++) {
            long fen = random.nextLong(1L << (1 + random.nextInt(50)));
            assertThat(MinorUnits.parse(Text.yuan(fen), 2)).isEqualTo(fen);
        }
    }

    @Test
    void aNegativeAmountIsABugNotAValue() {
        assertThatThrownBy(() -> Text.yuan(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesAreDecimalFractions() {
        assertThat(Text.rate(1825)).isEqualTo("0.1825");
        assertThat(Text.rate(400)).isEqualTo("0.0400");
        assertThat(Text.rate(5)).isEqualTo("0.0005");
    }

    @Test
    void idsArePaddedToTheirWidthAndGrowBeyondIt() {
        assertThat(Text.id("C", 1, 8)).isEqualTo("C00000001");
        assertThat(Text.id("COL", 42, 7)).isEqualTo("COL0000042");
        assertThat(Text.id("A", 123_456_789, 8)).isEqualTo("A123456789");
    }
}
