package dev.recoup.strategy.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RatioDifferenceTest {

    /** Sums of (x, y) pairs, as the database hands them over. */
    static RatioDifference.ArmSums sums(long[][] cases) {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        for (long[] c : cases) {
            sx += c[0];
            sy += c[1];
            sxx += (double) c[0] * c[0];
            syy += (double) c[1] * c[1];
            sxy += (double) c[0] * c[1];
        }
        return new RatioDifference.ArmSums(cases.length, sx, sy, sxx, syy, sxy);
    }

    @Test
    void theRateIsRecoveredOverOverdueAndItsVarianceIsTheDeltaMethodsComputedByHand() {
        long[][] cases = {{100, 50}, {200, 0}, {300, 300}};
        RatioDifference.ArmSums arm = sums(cases);
        double r = 350.0 / 600.0;
        // d = y − r·x per case; s² = Σd² / (n − 1); Var = s² / (n · x̄²)
        double d1 = 50 - r * 100, d2 = 0 - r * 200, d3 = 300 - r * 300;
        double expected = (d1 * d1 + d2 * d2 + d3 * d3) / 2 / (3 * 200.0 * 200.0);
        assertThat(arm.rate()).isCloseTo(r, within(1e-12));
        assertThat(arm.rateVariance()).isCloseTo(expected, within(1e-12));
    }

    @Test
    void theIntervalIsTheDifferencePlusMinus196StandardErrorsAndExcludesZeroOnlyForAClearDifference() {
        RatioDifference.ArmSums a = sums(new long[][]{{100, 10}, {100, 20}, {100, 10}, {100, 20}});
        RatioDifference.ArmSums b = sums(new long[][]{{100, 60}, {100, 70}, {100, 60}, {100, 70}});
        RatioDifference.Interval ci = RatioDifference.between(a, b);
        assertThat(ci.difference()).isCloseTo(0.5, within(1e-12));
        assertThat(ci.standardError()).isCloseTo(Math.sqrt(a.rateVariance() + b.rateVariance()), within(1e-12));
        assertThat(ci.lower()).isCloseTo(0.5 - 1.959963984540054 * ci.standardError(), within(1e-12)).isGreaterThan(0);
    }

    @Test
    void anArmWithOneCaseHasNoInterval() {
        RatioDifference.Interval ci = RatioDifference.between(sums(new long[][]{{100, 10}}), sums(new long[][]{{100, 10}, {100, 30}}));
        assertThat(ci.standardError()).isNaN();
    }
}
