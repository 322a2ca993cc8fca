package dev.recoup.strategy;

import java.time.LocalDate;
import java.util.List;

/**
 * How the arms of an experiment did. Amounts in fen. The recovery rate of an arm is
 * Σ recovered ÷ Σ overdue at entry over its cases; recovered = payments on the case's customer's
 * accounts after the day the case entered the arm (up to the day the experiment stopped).
 * {@code comparisons}: every other arm against the first (the champion), difference of recovery
 * rates with a 95 % confidence interval; {@code method} says how it is computed.
 */
public record ExperimentReport(long experimentId, String name, String status, LocalDate startedOn, LocalDate stoppedOn,
                               List<ArmResult> arms, List<Comparison> comparisons, String method, List<String> notes) {

    public record ArmResult(String arm, long strategyVersionId, String strategyCode, int version, int percent, long cases,
                            long overdueAtEntryMinor, long recoveredMinor, double recoveryRate, Double recoveryRateStandardError,
                            long contactsMade, long promisesMade, long promisesKept) {
    }

    /** {@code difference} = arm's rate − baseline's rate; bounds null when an arm has fewer than two cases. */
    public record Comparison(String baselineArm, String arm, double difference, Double standardError, Double lower95, Double upper95,
                             boolean significant) {
    }
}
