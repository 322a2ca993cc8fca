package dev.recoup.allocation.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The probability that a case pays or cures within 30 days, by the customer's bucket × tier: the
 * empirical rate over past observations (a customer entering an overdue bucket on some day; success
 * = any payment on the customer's accounts, or a move to M0, within the next 30 days), smoothed with
 * Beta priors in two levels — a cell toward its bucket's rate, a bucket toward a documented default.
 * With no history every case gets its bucket's default; as observations accumulate they take over.
 * A case's expected recovery with an average worker is this probability × its overdue amount.
 */
public final class PropensityModel {

    /** Counts of past observations of one bucket × tier. */
    public record Tally(String bucket, String tier, long observations, long successes) {
    }

    /**
     * Defaults before any history: decreasing with lateness. An assumption in the spirit of the
     * Taiwan card data behind the demo portfolio (one month after being two months late, 36% of
     * holders were less late or cured; see docs/adr/0006-allocation-optimiser.md).
     */
    static final Map<String, Double> DEFAULT_BY_BUCKET = Map.of("M1", 0.50, "M2", 0.35, "M3", 0.25, "M4", 0.18, "M5", 0.12,
            "M6", 0.08, "M7+", 0.05);
    private static final double DEFAULT_OTHER = 0.05;

    private final Map<String, Double> byBucket;
    private final Map<String, Double> byCell;

    private PropensityModel(Map<String, Double> byBucket, Map<String, Double> byCell) {
        this.byBucket = byBucket;
        this.byCell = byCell;
    }

    /** @param strength pseudo-observations of each prior */
    public static PropensityModel fit(List<Tally> tallies, double strength) {
        Map<String, long[]> buckets = new HashMap<>();
        for (Tally t : tallies) {
            long[] sum = buckets.computeIfAbsent(t.bucket(), b -> new long[2]);
            sum[0] += t.observations();
            sum[1] += t.successes();
        }
        Map<String, Double> byBucket = new HashMap<>();
        buckets.forEach((bucket, sum) -> byBucket.put(bucket, smoothed(sum[1], sum[0], prior(bucket), strength)));
        Map<String, Double> byCell = new HashMap<>();
        for (Tally t : tallies) {
            byCell.put(key(t.bucket(), t.tier()), smoothed(t.successes(), t.observations(), byBucket.get(t.bucket()), strength));
        }
        return new PropensityModel(byBucket, byCell);
    }

    public double probability(String bucket, String tier) {
        Double cell = byCell.get(key(bucket, tier));
        if (cell != null) {
            return cell;
        }
        Double b = byBucket.get(bucket);
        return b != null ? b : prior(bucket);
    }

    /** Posterior mean of a Beta(strength × prior, strength × (1 − prior)) after {@code successes} of {@code n}. */
    static double smoothed(long successes, long n, double prior, double strength) {
        return (successes + strength * prior) / (n + strength);
    }

    private static double prior(String bucket) {
        return DEFAULT_BY_BUCKET.getOrDefault(bucket, DEFAULT_OTHER);
    }

    private static String key(String bucket, String tier) {
        return bucket + "/" + tier;
    }
}
