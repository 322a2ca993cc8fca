package dev.recoup.agreements.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** R16 as properties: a plan's instalments always add up to the agreed total, and a plan within the limits meets them. */
class InstalmentProperties {

    @Provide
    Arbitrary<PlanTerms> terms() {
        Arbitrary<Long> total = Arbitraries.longs().between(1, 100_000_000_000L)
                .edgeCases(e -> e.includeOnly(1L, 2L, 11L, 12L, 13L, 99L, 100L, 1_000_000L));
        Arbitrary<Integer> count = Arbitraries.integers().between(1, InstalmentCalculator.MAX_INSTALMENTS).edgeCases(e -> e.includeOnly(1, 2, 12, 13, 60));
        Arbitrary<LocalDate> start = Arbitraries.integers().between(0, 3_650).map(d -> LocalDate.of(2026, 1, 28).plusDays(d))
                .edgeCases(e -> e.includeOnly(LocalDate.of(2026, 1, 31), LocalDate.of(2028, 2, 29)));
        Arbitrary<Frequency> frequency = Arbitraries.of(Frequency.class);
        return Combinators.combine(total, count, start, frequency)
                .filter((t, n, s, f) -> n <= t)
                .flatAs((t, n, s, f) -> Arbitraries.oneOf(
                        Arbitraries.just((Long) null),
                        n == 1 ? Arbitraries.just(t) : Arbitraries.longs().between(1, t - (n - 1)))
                        .map(first -> new PlanTerms(t, n, first, s, f)));
    }

    @Property(tries = 3000)
    void theInstalmentsAlwaysAddUpToTheAgreedTotal(@ForAll("terms") PlanTerms terms, @ForAll @IntRange(max = 100) int minFirstPercent) {
        List<ScheduledInstalment> schedule = InstalmentCalculator.schedule(terms, minFirstPercent);

        assertThat(schedule.stream().mapToLong(ScheduledInstalment::amount).sum()).isEqualTo(terms.total());
        assertThat(schedule).hasSize(terms.instalments());
        assertThat(schedule).allSatisfy(i -> assertThat(i.amount()).isPositive());
        if (terms.firstPayment() != null) {
            assertThat(schedule.getFirst().amount()).isEqualTo(terms.firstPayment());
        }
        // After the first payment, instalments differ by one fen at most, and come strictly later.
        List<Long> rest = schedule.stream().skip(1).map(ScheduledInstalment::amount).toList();
        if (!rest.isEmpty()) {
            assertThat(rest.stream().mapToLong(Long::longValue).max().getAsLong() - rest.stream().mapToLong(Long::longValue).min().getAsLong())
                    .isLessThanOrEqualTo(1);
        }
        for (int i = 1; i < schedule.size(); i++) {
            assertThat(schedule.get(i).dueOn()).isAfter(schedule.get(i - 1).dueOn());
            assertThat(schedule.get(i).seq()).isEqualTo(i + 1);
        }
        assertThat(schedule.getFirst().dueOn()).isEqualTo(terms.startOn());
    }

    @Property(tries = 2000)
    void withoutAChosenFirstPaymentAPlanWithinTheCountLimitMeetsTheProductsLimits(
            @ForAll @LongRange(min = 100, max = 100_000_000_000L) long total, @ForAll @IntRange(min = 1, max = 12) int instalments,
            @ForAll @IntRange(min = 0, max = 100) int minFirstPercent) {
        PlanLimits limits = new PlanLimits(12, minFirstPercent);
        List<ScheduledInstalment> schedule = InstalmentCalculator.schedule(
                new PlanTerms(total, instalments, null, LocalDate.of(2026, 12, 1), Frequency.MONTHLY), minFirstPercent);

        // Whenever the minimum first payment leaves a fen for each other instalment, the calculator's plan needs no approval.
        if (InstalmentCalculator.minimumFirstPayment(total, minFirstPercent) <= total - (instalments - 1)) {
            assertThat(limits.breaches(schedule)).isEmpty();
        }
        assertThat(schedule.getFirst().amount()).isGreaterThanOrEqualTo(Math.min(InstalmentCalculator.minimumFirstPayment(total, minFirstPercent),
                total - (instalments - 1)));
    }

    @Property(tries = 2000)
    void aPlanBeyondTheCountOrBelowTheFirstPaymentMinimumIsNeverWithinTheLimits(@ForAll("terms") PlanTerms terms) {
        List<ScheduledInstalment> schedule = InstalmentCalculator.schedule(terms, 20);
        boolean tooMany = terms.instalments() > 12;
        boolean firstTooSmall = schedule.getFirst().amount() * 100 < terms.total() * 20;

        List<String> breaches = PlanLimits.R16.breaches(schedule).stream().map(PlanLimits.Breach::code).toList();

        assertThat(breaches.contains(PlanLimits.Breach.TOO_MANY_INSTALMENTS)).isEqualTo(tooMany);
        assertThat(breaches.contains(PlanLimits.Breach.FIRST_PAYMENT_TOO_SMALL)).isEqualTo(firstTooSmall);
    }
}
