package dev.recoup.delinquency.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TierPolicyTest {

    private static final TierPolicy POLICY = TierPolicy.DEFAULT;

    private static List<Repayment> steady() {
        return List.of(new Repayment(LocalDate.parse("2026-03-15"), 1000_00), new Repayment(LocalDate.parse("2026-02-15"), 1000_00),
                new Repayment(LocalDate.parse("2026-01-15"), 1000_00));
    }

    private static AccountStanding account(int dpd, long overdue, int maxDaysLate, List<Repayment> last) {
        return new AccountStanding(dpd, overdue, overdue * 3, maxDaysLate, last.size(), last);
    }

    @Test
    void aCustomerAFewDaysLateWithAGoodHistoryIsT1() {
        var customer = CustomerDelinquency.of(List.of(account(5, 1000_00, 3, steady())), POLICY);
        assertThat(customer.goodHistory()).isTrue();
        assertThat(customer.tier()).isEqualTo(Tier.T1);
    }

    @Test
    void aFirstPaymentDefaultIsNotAGoodHistoryAndGoesToAPerson() {
        var customer = CustomerDelinquency.of(List.of(account(5, 1000_00, 0, List.of())), POLICY);
        assertThat(customer.goodHistory()).isFalse();
        assertThat(customer.tier()).isEqualTo(Tier.T2);
    }

    @Test
    void havingOncePaidMoreThanThirtyDaysLateSpoilsTheHistory() {
        var customer = CustomerDelinquency.of(List.of(account(5, 1000_00, 31, steady())), POLICY);
        assertThat(customer.tier()).isEqualTo(Tier.T2);
    }

    @Test
    void decliningRepaymentsSpoilTheHistory() {
        var declining = List.of(new Repayment(LocalDate.parse("2026-03-15"), 500_00), new Repayment(LocalDate.parse("2026-02-15"), 1000_00),
                new Repayment(LocalDate.parse("2026-01-15"), 1000_00));
        var customer = CustomerDelinquency.of(List.of(account(5, 1000_00, 0, declining)), POLICY);
        assertThat(customer.trend().direction()).isEqualTo(RepaymentTrend.Direction.DECLINING);
        assertThat(customer.tier()).isEqualTo(Tier.T2);
    }

    @Test
    void aLargeOverdueAmountGoesToAPersonEvenWithAGoodHistory() {
        var customer = CustomerDelinquency.of(List.of(account(5, 50_000_01L, 0, steady())), POLICY);
        assertThat(customer.tier()).isEqualTo(Tier.T2);
    }

    @Test
    void theWorstAccountDecidesTheTier() {
        var customer = CustomerDelinquency.of(List.of(account(5, 100_00, 0, steady()), account(95, 100_00, 0, List.of())), POLICY);
        assertThat(customer.worstDaysPastDue()).isEqualTo(95);
        assertThat(customer.bucket()).isEqualTo(Bucket.M4);
        assertThat(customer.tier()).isEqualTo(Tier.T3);
        assertThat(customer.overdueAccounts()).isEqualTo(2);
        assertThat(customer.overdueTotal()).isEqualTo(200_00);
    }

    @Test
    void tiersFollowTheDaysPastDueBands() {
        assertThat(POLICY.classify(30, true)).isEqualTo(Tier.T1);
        assertThat(POLICY.classify(31, true)).isEqualTo(Tier.T2);
        assertThat(POLICY.classify(90, true)).isEqualTo(Tier.T2);
        assertThat(POLICY.classify(91, true)).isEqualTo(Tier.T3);
        assertThat(POLICY.classify(180, true)).isEqualTo(Tier.T3);
        assertThat(POLICY.classify(181, true)).isEqualTo(Tier.T4);
    }

    @Test
    void aCurrentCustomerHasNoTier() {
        var customer = CustomerDelinquency.of(List.of(account(0, 0, 0, steady())), POLICY);
        assertThat(customer.tier()).isNull();
        assertThat(customer.bucket()).isEqualTo(Bucket.M0);
    }

    @Test
    void theVariationOfTheLastThreeRepaymentsIsTheirCoefficientOfVariation() {
        var trend = RepaymentTrend.of(List.of(new Repayment(LocalDate.parse("2026-03-15"), 100_00),
                new Repayment(LocalDate.parse("2026-02-15"), 200_00), new Repayment(LocalDate.parse("2026-01-15"), 300_00)));
        // mean 200, population standard deviation 81.65 → 40.82%
        assertThat(trend.variationBasisPoints()).isEqualTo(4082);
        assertThat(trend.direction()).isEqualTo(RepaymentTrend.Direction.DECLINING);
    }

    @Test
    void payingTheSameButLaterAndLaterIsDeclining() {
        var trend = RepaymentTrend.of(List.of(new Repayment(LocalDate.parse("2026-05-10"), 100_00),
                new Repayment(LocalDate.parse("2026-02-15"), 100_00), new Repayment(LocalDate.parse("2026-01-15"), 100_00)));
        assertThat(trend.variationBasisPoints()).isZero();
        assertThat(trend.direction()).isEqualTo(RepaymentTrend.Direction.DECLINING);
    }
}
