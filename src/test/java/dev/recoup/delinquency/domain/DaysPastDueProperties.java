package dev.recoup.delinquency.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DaysPastDueProperties {

    private static final LocalDate FIRST_DUE = LocalDate.of(2024, 1, 31);

    @Property
    void anAccountIsOverdueExactlyWhenSomethingPastDueIsUnpaid(@ForAll("schedules") List<Instalment> schedule,
                                                               @ForAll @IntRange(min = 0, max = 900) int day, @ForAll("amounts") long paid) {
        LocalDate businessDate = FIRST_DUE.minusDays(30).plusDays(day);
        var status = AccountDelinquency.assess(schedule, List.of(new Repayment(FIRST_DUE, paid)), businessDate);
        assertThat(status.daysPastDue() > 0).isEqualTo(status.overdueTotal() > 0);
        assertThat(status.bucket()).isEqualTo(Bucket.ofDaysPastDue(status.daysPastDue()));
        assertThat(status.overdueTotal()).isLessThanOrEqualTo(status.outstanding());
    }

    @Property
    void withoutPaymentsEachDayAddsOneDayPastDue(@ForAll("schedules") List<Instalment> schedule, @ForAll @IntRange(min = 0, max = 900) int day) {
        LocalDate businessDate = FIRST_DUE.plusDays(day);
        int today = AccountDelinquency.assess(schedule, List.of(), businessDate).daysPastDue();
        int tomorrow = AccountDelinquency.assess(schedule, List.of(), businessDate.plusDays(1)).daysPastDue();
        if (schedule.getFirst().total() > 0) {
            assertThat(tomorrow).isEqualTo(today + 1);
        }
    }

    @Property
    void paymentsAfterTheBusinessDateDoNotCount(@ForAll("schedules") List<Instalment> schedule, @ForAll("amounts") long paid,
                                                @ForAll @IntRange(min = 0, max = 400) int day) {
        LocalDate businessDate = FIRST_DUE.plusDays(day);
        var without = AccountDelinquency.assess(schedule, List.of(), businessDate);
        var withFuture = AccountDelinquency.assess(schedule, List.of(new Repayment(businessDate.plusDays(1), paid)), businessDate);
        assertThat(withFuture).isEqualTo(without);
    }

    @Property
    void bucketsFollowTheThirtyDayLadder(@ForAll @IntRange(min = 0, max = 5000) int dpd) {
        Bucket bucket = Bucket.ofDaysPastDue(dpd);
        if (dpd == 0) {
            assertThat(bucket).isEqualTo(Bucket.M0);
        } else if (dpd > 180) {
            assertThat(bucket).isEqualTo(Bucket.M7_PLUS);
        } else {
            assertThat(bucket.ordinal()).isEqualTo((dpd - 1) / 30 + 1);
        }
    }

    @Provide
    Arbitrary<Long> amounts() {
        return Arbitraries.longs().between(1, 5_000_000);
    }

    @Provide
    Arbitrary<List<Instalment>> schedules() {
        return Arbitraries.longs().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(12).map(principals -> {
            List<Instalment> schedule = new ArrayList<>();
            for (int k = 0; k < principals.size(); k++) {
                // Monthly from 31 January: the dates clamp to month ends (29 Feb 2024, 30 April ...).
                schedule.add(new Instalment(k + 1, FIRST_DUE.plusMonths(k), principals.get(k), 1_000, 0, 0));
            }
            return schedule;
        });
    }
}
