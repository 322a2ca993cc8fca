package dev.recoup.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class TaiwanCalibrationTest {

    static final Path TAIWAN_CSV = resource("/calibration/taiwan-credit-card-default.csv");

    @Test
    void theCommittedCalibrationIsWhatTheTaiwanDataGives() throws IOException {
        String committed;
        try (InputStream in = getClass().getResourceAsStream(Calibration.RESOURCE)) {
            committed = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(TaiwanCalibration.compute(TAIWAN_CSV))
                .as("demo/calibration.properties must be regenerated with TaiwanCalibration.main")
                .isEqualTo(committed);
    }

    @Test
    void everyHolderFallsInExactlyOneBehaviourAndTheLateOnesAreThoseLateInSeptember() throws IOException {
        Properties figures = figures();
        long holders = count(figures, "holders");
        long late = count(figures, "behaviour.partial_payer") + count(figures, "behaviour.roll_forward");

        assertThat(holders).isEqualTo(30_000);
        assertThat(count(figures, "behaviour.never_late") + count(figures, "behaviour.late_then_cured") + late).isEqualTo(holders);
        // PAY_0 > 0 for 3688 + 2667 + 322 + 76 + 26 + 11 + 9 + 19 holders, per the data set's own tallies
        assertThat(late).isEqualTo(6818);
        assertThat(sum(figures, "months_late.partial_payer")).isEqualTo(count(figures, "behaviour.partial_payer"));
        assertThat(sum(figures, "months_late.roll_forward")).isEqualTo(count(figures, "behaviour.roll_forward"));
        assertThat(sum(figures, "worst_months_late.late_then_cured")).isEqualTo(count(figures, "behaviour.late_then_cured"));
    }

    @Test
    void theTransitionsCountFivePairsOfMonthsPerHolder() throws IOException {
        Properties figures = figures();
        long pairs = 0;
        for (int state = 0; state <= 7; state++) {
            pairs += sum(figures, "transitions.from." + state);
        }
        assertThat(pairs).isEqualTo(5 * 30_000);
    }

    @Test
    void theGeneratorReadsTheStayRateInSevenPlusFromTheTransitions() throws IOException {
        long[] fromSevenPlus = counts(figures(), "transitions.from.7");
        assertThat(Calibration.load().stayInSevenPlus).isEqualTo((double) fromSevenPlus[7] / Arrays.stream(fromSevenPlus).sum());
    }

    private static Properties figures() throws IOException {
        Properties figures = new Properties();
        figures.load(new StringReader(TaiwanCalibration.compute(TAIWAN_CSV)));
        return figures;
    }

    private static long count(Properties figures, String key) {
        return Long.parseLong(figures.getProperty(key));
    }

    private static long[] counts(Properties figures, String key) {
        return Arrays.stream(figures.getProperty(key).split(",")).mapToLong(Long::parseLong).toArray();
    }

    private static long sum(Properties figures, String key) {
        return Arrays.stream(counts(figures, key)).sum();
    }

    private static Path resource(String name) {
        try {
            return Path.of(TaiwanCalibrationTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
