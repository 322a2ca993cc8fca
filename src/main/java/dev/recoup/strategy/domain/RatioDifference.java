package dev.recoup.strategy.domain;

/**
 * Compares recovery rates of experiment arms. An arm's recovery rate is a ratio of sums,
 * R = Σ recovered / Σ overdue at entry, over its cases. Its variance comes from the delta method
 * (linearisation of the ratio estimator, as for cluster samples): with d_i = y_i − R·x_i,
 * Var(R) ≈ s_d² / (n · x̄²). The difference of two independent arms has variance
 * Var(R_b) + Var(R_a); the 95 % interval is the difference ± 1.96 standard errors (normal
 * approximation, fine from a few dozen cases per arm; with fewer the interval is wide or absent).
 */
public final class RatioDifference {

    private static final double Z_95 = 1.959963984540054;

    private RatioDifference() {
    }

    /**
     * One arm's cases summarised by sums (x = overdue at entry, y = recovered), so the database can
     * aggregate millions of cases and hand over six numbers.
     */
    public record ArmSums(long n, double sumX, double sumY, double sumXX, double sumYY, double sumXY) {

        public double rate() {
            return sumX == 0 ? 0 : sumY / sumX;
        }

        /** Delta-method variance of the rate; NaN with fewer than two cases. */
        public double rateVariance() {
            if (n < 2 || sumX == 0) {
                return Double.NaN;
            }
            double r = rate();
            // Σ d_i² where d_i = y_i − r x_i; Σ d_i = 0 by the choice of r.
            double sumDD = sumYY - 2 * r * sumXY + r * r * sumXX;
            double sd2 = Math.max(sumDD, 0) / (n - 1);
            double meanX = sumX / n;
            return sd2 / (n * meanX * meanX);
        }
    }

    /** {@code difference} = challenger rate − baseline rate; bounds NaN when not computable. */
    public record Interval(double difference, double standardError, double lower, double upper) {
    }

    public static Interval between(ArmSums baseline, ArmSums challenger) {
        double difference = challenger.rate() - baseline.rate();
        double se = Math.sqrt(baseline.rateVariance() + challenger.rateVariance());
        return new Interval(difference, se, difference - Z_95 * se, difference + Z_95 * se);
    }
}
