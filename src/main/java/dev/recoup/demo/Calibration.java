package dev.recoup.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;

/**
 * The behaviour figures the generator draws from, read from {@code demo/calibration.properties}
 * (written by {@link TaiwanCalibration}). Counts are used directly as integer weights.
 */
final class Calibration {

    static final String RESOURCE = "/demo/calibration.properties";

    /** Mix of the four calibrated behaviours among accounts that are not recent. */
    final Weighted<Behaviour> behaviour;
    /** Months behind on the as-of date of a partial payer: 1, 2, ..., 7 (= 7+). */
    final Weighted<Integer> partialMonthsLate;
    /** Months behind on the as-of date of an account that stopped paying: 1, 2, ..., 7 (= 7+). */
    final Weighted<Integer> rollForwardMonthsLate;
    /** How many months a cured account fell behind before it caught up: 1, 2, ..., 7. */
    final Weighted<Integer> curedWorstMonthsLate;
    /** Chance that an account 7+ months late is still 7+ a month later (the data's roll rate from 7+). */
    final double stayInSevenPlus;

    private Calibration(Properties figures) {
        behaviour = Weighted.of(
                List.of(Behaviour.ON_TIME, Behaviour.LATE_THEN_CURED, Behaviour.PARTIAL_PAYER, Behaviour.ROLL_FORWARD),
                new long[] {
                        number(figures, "behaviour.never_late"),
                        number(figures, "behaviour.late_then_cured"),
                        number(figures, "behaviour.partial_payer"),
                        number(figures, "behaviour.roll_forward")});
        partialMonthsLate = monthsLate(counts(figures, "months_late.partial_payer", 7));
        rollForwardMonthsLate = monthsLate(counts(figures, "months_late.roll_forward", 7));
        curedWorstMonthsLate = monthsLate(counts(figures, "worst_months_late.late_then_cured", 7));
        long[] fromSevenPlus = counts(figures, "transitions.from.7", 8);
        stayInSevenPlus = (double) fromSevenPlus[7] / Arrays.stream(fromSevenPlus).sum();
    }

    static Calibration load() {
        try (InputStream in = Calibration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + RESOURCE);
            }
            Properties figures = new Properties();
            figures.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new Calibration(figures);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Weighted<Integer> monthsLate(long[] counts) {
        return Weighted.of(IntStream.rangeClosed(1, counts.length).boxed().toList(), counts);
    }

    private static long number(Properties figures, String key) {
        String value = figures.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        return Long.parseLong(value.trim());
    }

    private static long[] counts(Properties figures, String key, int expected) {
        String value = figures.getProperty(key);
        if (value == null) {
            throw new IllegalStateException(RESOURCE + " lacks " + key);
        }
        long[] counts = Arrays.stream(value.split(",")).map(String::trim).mapToLong(Long::parseLong).toArray();
        if (counts.length != expected) {
            throw new IllegalStateException(key + " has " + counts.length + " counts, expected " + expected);
        }
        return counts;
    }
}
