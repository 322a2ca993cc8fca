package dev.recoup.agreements.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Keeping promises, affordability and plan progress: the rules the SQL applies in bulk. */
class AgreementRulesTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 10);

    @Test
    void aPromiseIsKeptByNinetyFivePercentOrByTheFenToleranceWhicheverAsksLess() {
        assertThat(new KeepRule(95, 0, 3).requiredAmount(100_000)).isEqualTo(95_000);
        assertThat(new KeepRule(95, 0, 3).requiredAmount(101)).as("rounded up to the fen").isEqualTo(96);
        assertThat(new KeepRule(100, 500, 3).requiredAmount(100_000)).isEqualTo(99_500);
        assertThat(new KeepRule(95, 10_000, 3).requiredAmount(100_000)).isEqualTo(90_000);
        assertThat(new KeepRule(95, 200, 3).requiredAmount(100)).as("never less than a fen").isEqualTo(1);
    }

    @Test
    void aPromiseIsJudgedOnlyOnceItsGraceDaysHavePassedUnlessItIsAlreadyKept() {
        LocalDate graceEnds = new KeepRule(95, 0, 3).graceEndsOn(DAY);
        assertThat(graceEnds).isEqualTo(DAY.plusDays(3));
        assertThat(KeepRule.judge(95_000, 95_000, graceEnds, DAY.minusDays(5))).isEqualTo(PromiseStatus.KEPT);
        assertThat(KeepRule.judge(0, 95_000, graceEnds, graceEnds)).isEqualTo(PromiseStatus.OPEN);
        assertThat(KeepRule.judge(0, 95_000, graceEnds, graceEnds.plusDays(1))).isEqualTo(PromiseStatus.BROKEN);
        assertThat(KeepRule.judge(94_999, 95_000, graceEnds, graceEnds.plusDays(1))).isEqualTo(PromiseStatus.PARTLY_KEPT);
    }

    private static List<ScheduledInstalment> monthly(long... amounts) {
        return java.util.stream.IntStream.range(0, amounts.length)
                .mapToObj(i -> new ScheduledInstalment(i + 1, DAY.plusMonths(i), amounts[i])).toList();
    }

    @Test
    void affordabilityRefusesWhatTheDisposableIncomeCannotCarryAndWarnsAboveHalfOfIt() {
        var schedule = monthly(50_000, 100_000, 100_000);
        Affordability rule = Affordability.DEFAULT;
        // Disposable 300,000: the regular 100,000 a month is a third of it.
        assertThat(rule.assess(800_000, 500_000, schedule, Frequency.MONTHLY).verdict()).isEqualTo(Affordability.Verdict.OK);
        // Disposable 150,000: two thirds.
        assertThat(rule.assess(800_000, 650_000, schedule, Frequency.MONTHLY)).satisfies(a -> {
            assertThat(a.verdict()).isEqualTo(Affordability.Verdict.WARN);
            assertThat(a.shareBp()).isEqualTo(6_667);
        });
        // Disposable 99,999: more than all of it.
        assertThat(rule.assess(800_000, 700_001, schedule, Frequency.MONTHLY).verdict()).isEqualTo(Affordability.Verdict.REFUSE);
        assertThat(rule.assess(500_000, 500_000, schedule, Frequency.MONTHLY).code()).isEqualTo("NO_DISPOSABLE_INCOME");
    }

    @Test
    void weeklyInstalmentsAreTestedAsTheirMonthlyAmount() {
        var weekly = List.of(new ScheduledInstalment(1, DAY, 10_000), new ScheduledInstalment(2, DAY.plusWeeks(1), 12_000));
        // 12,000 a week × 52 ÷ 12 = 52,000 a month.
        assertThat(Affordability.DEFAULT.assess(200_000, 100_000, weekly, Frequency.WEEKLY).monthlyInstalment()).isEqualTo(52_000);
    }

    @Test
    void paymentsPayAPlansInstalmentsInOrderAndTwoMissedBreakIt() {
        var schedule = monthly(30_000, 10_000, 10_000, 10_000);
        var fiveDaysIn = PlanProgress.of(schedule, 35_000, DAY.plusMonths(1).plusDays(5), 3, 2);
        assertThat(fiveDaysIn.instalments()).extracting(PlanProgress.InstalmentProgress::state).containsExactly(
                PlanProgress.InstalmentState.PAID, PlanProgress.InstalmentState.MISSED, PlanProgress.InstalmentState.UPCOMING,
                PlanProgress.InstalmentState.UPCOMING);
        assertThat(fiveDaysIn.instalments().get(1).paid()).isEqualTo(5_000);
        assertThat(fiveDaysIn.daysPastDue()).isEqualTo(5);
        assertThat(fiveDaysIn.broken()).isFalse();

        var twoMissed = PlanProgress.of(schedule, 35_000, DAY.plusMonths(2).plusDays(4), 3, 2);
        assertThat(twoMissed.missed()).isEqualTo(2);
        assertThat(twoMissed.broken()).isTrue();

        var paid = PlanProgress.of(schedule, 60_000, DAY.plusMonths(2), 3, 2);
        assertThat(paid.complete()).isTrue();
        assertThat(paid.oldestUnpaidDueOn()).isNull();
        assertThat(paid.remaining()).isZero();
    }
}
