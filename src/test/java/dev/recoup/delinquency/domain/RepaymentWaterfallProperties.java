package dev.recoup.delinquency.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RepaymentWaterfallProperties {

    private static final LocalDate START = LocalDate.of(2024, 1, 31);

    @Property
    void noFenIsCreatedOrLost(@ForAll("schedules") List<Instalment> schedule, @ForAll("repayments") List<Repayment> repayments) {
        var result = RepaymentWaterfall.apply(schedule, repayments);
        long paidIn = repayments.stream().mapToLong(Repayment::amount).sum();
        assertThat(result.totalPaid()).isEqualTo(paidIn);
        assertThat(result.credit()).isNotNegative();
    }

    @Property
    void noComponentIsPaidBeyondWhatIsDue(@ForAll("schedules") List<Instalment> schedule, @ForAll("repayments") List<Repayment> repayments) {
        for (PaidInstalment p : RepaymentWaterfall.apply(schedule, repayments).instalments()) {
            assertThat(p.unpaidFee()).isBetween(0L, p.instalment().fee());
            assertThat(p.unpaidPenalty()).isBetween(0L, p.instalment().penalty());
            assertThat(p.unpaidInterest()).isBetween(0L, p.instalment().interest());
            assertThat(p.unpaidPrincipal()).isBetween(0L, p.instalment().principal());
        }
    }

    @Property
    void aLaterInstalmentGetsNothingWhileAnOlderOneIsUnpaid(@ForAll("schedules") List<Instalment> schedule, @ForAll("repayments") List<Repayment> repayments) {
        List<PaidInstalment> paid = RepaymentWaterfall.apply(schedule, repayments).instalments();
        boolean olderUnpaid = false;
        for (PaidInstalment p : paid) {
            if (olderUnpaid) {
                assertThat(p.paid()).isZero();
            }
            olderUnpaid |= !p.fullyPaid();
        }
    }

    @Property
    void withinAnInstalmentFeesThenPenaltyThenInterestThenPrincipal(@ForAll("schedules") List<Instalment> schedule, @ForAll("repayments") List<Repayment> repayments) {
        for (PaidInstalment p : RepaymentWaterfall.apply(schedule, repayments).instalments()) {
            if (p.penaltyPaid() > 0) {
                assertThat(p.unpaidFee()).isZero();
            }
            if (p.interestPaid() > 0) {
                assertThat(p.unpaidFee() + p.unpaidPenalty()).isZero();
            }
            if (p.principalPaid() > 0) {
                assertThat(p.unpaidFee() + p.unpaidPenalty() + p.unpaidInterest()).isZero();
            }
        }
    }

    @Property
    void creditAppearsOnlyWhenEverythingIsPaid(@ForAll("schedules") List<Instalment> schedule, @ForAll("repayments") List<Repayment> repayments) {
        var result = RepaymentWaterfall.apply(schedule, repayments);
        if (result.credit() > 0) {
            assertThat(result.instalments()).allMatch(PaidInstalment::fullyPaid);
        }
    }

    @Provide
    Arbitrary<List<Instalment>> schedules() {
        Arbitrary<Long> amount = Arbitraries.longs().between(0, 2_000_000);
        Arbitrary<Long> small = Arbitraries.longs().between(0, 50_000);
        return Combinators.combine(amount, small, small, small).as((p, i, f, pen) -> new long[]{p, i, f, pen})
                .list().ofMinSize(1).ofMaxSize(24)
                .map(rows -> {
                    List<Instalment> schedule = new ArrayList<>();
                    for (int k = 0; k < rows.size(); k++) {
                        long[] r = rows.get(k);
                        schedule.add(new Instalment(k + 1, START.plusMonths(k), r[0], r[1], r[2], r[3]));
                    }
                    return schedule;
                });
    }

    @Provide
    Arbitrary<List<Repayment>> repayments() {
        return Combinators.combine(Arbitraries.integers().between(0, 800), Arbitraries.longs().between(1, 3_000_000))
                .as((day, amount) -> new Repayment(START.plusDays(day), amount))
                .list().ofMaxSize(30)
                .map(list -> list.stream().sorted(java.util.Comparator.comparing(Repayment::paidOn)).toList());
    }
}
