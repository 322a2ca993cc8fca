package dev.recoup.agreements.domain;

import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InstalmentCalculatorTest {

    private static final LocalDate JAN_31 = LocalDate.of(2027, 1, 31);

    private static List<Long> amounts(List<ScheduledInstalment> schedule) {
        return schedule.stream().map(ScheduledInstalment::amount).toList();
    }

    @Test
    void theFenThatDoNotDivideGoOneEachToTheEarliestInstalmentsAfterTheFirst() {
        // 1,000.00 yuan, first 200.00, the remaining 800.00 over 3: 266.67, 266.67, 266.66.
        var schedule = InstalmentCalculator.schedule(new PlanTerms(100_000, 4, 20_000L, JAN_31, Frequency.MONTHLY), 20);
        assertThat(amounts(schedule)).containsExactly(20_000L, 26_667L, 26_667L, 26_666L);
    }

    @Test
    void withoutAFirstPaymentTheCalculatorTakesTheLargerOfTheMinimumAndAnEqualShare() {
        assertThat(amounts(InstalmentCalculator.schedule(new PlanTerms(120_000, 12, null, JAN_31, Frequency.MONTHLY), 20)).getFirst())
                .as("20 %% beats an equal twelfth").isEqualTo(24_000L);
        assertThat(amounts(InstalmentCalculator.schedule(new PlanTerms(120_000, 3, null, JAN_31, Frequency.MONTHLY), 20)))
                .as("an equal third beats 20 %%").containsExactly(40_000L, 40_000L, 40_000L);
    }

    @Test
    void monthlyDueDatesAreCountedFromTheStartSoTheEndOfTheMonthIsKept() {
        var schedule = InstalmentCalculator.schedule(new PlanTerms(30_000, 3, null, JAN_31, Frequency.MONTHLY), 20);
        assertThat(schedule).extracting(ScheduledInstalment::dueOn)
                .containsExactly(JAN_31, LocalDate.of(2027, 2, 28), LocalDate.of(2027, 3, 31));
        assertThat(InstalmentCalculator.schedule(new PlanTerms(30_000, 3, null, JAN_31, Frequency.FORTNIGHTLY), 20))
                .extracting(ScheduledInstalment::dueOn).containsExactly(JAN_31, JAN_31.plusWeeks(2), JAN_31.plusWeeks(4));
    }

    @Test
    void termsThatCannotMakeAScheduleAreRefusedNamingTheField() {
        assertThatThrownBy(() -> InstalmentCalculator.schedule(new PlanTerms(0, 3, null, JAN_31, Frequency.MONTHLY), 20))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("totalMinor"));
        assertThatThrownBy(() -> InstalmentCalculator.schedule(new PlanTerms(1000, 61, null, JAN_31, Frequency.MONTHLY), 20))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("instalments"));
        assertThatThrownBy(() -> InstalmentCalculator.schedule(new PlanTerms(1000, 3, 999L, JAN_31, Frequency.MONTHLY), 20))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("firstPaymentMinor"));
        assertThatThrownBy(() -> InstalmentCalculator.schedule(new PlanTerms(1000, 1, 500L, JAN_31, Frequency.MONTHLY), 20))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("whole total");
        assertThatThrownBy(() -> InstalmentCalculator.schedule(new PlanTerms(1000, 3, null, null, Frequency.MONTHLY), 20))
                .isInstanceOf(InvalidInputException.class).satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("startDate"));
    }

    @Test
    void theLimitsAreTwelveInstalmentsAndAFirstPaymentOfTwentyPercent() {
        var twelve = InstalmentCalculator.schedule(new PlanTerms(100_000, 12, 20_000L, JAN_31, Frequency.MONTHLY), 20);
        assertThat(PlanLimits.R16.breaches(twelve)).isEmpty();
        var thirteen = InstalmentCalculator.schedule(new PlanTerms(100_000, 13, 20_000L, JAN_31, Frequency.MONTHLY), 20);
        assertThat(PlanLimits.R16.breaches(thirteen)).containsExactly(new PlanLimits.Breach(PlanLimits.Breach.TOO_MANY_INSTALMENTS, 12, 13));
        var small = InstalmentCalculator.schedule(new PlanTerms(100_000, 6, 19_999L, JAN_31, Frequency.MONTHLY), 20);
        assertThat(PlanLimits.R16.breaches(small)).containsExactly(new PlanLimits.Breach(PlanLimits.Breach.FIRST_PAYMENT_TOO_SMALL, 20_000, 19_999));
    }

    @Test
    void aPlanOverSeveralProductsMeetsTheStrictestLimits() {
        assertThat(new PlanLimits(12, 20).stricter(new PlanLimits(24, 30))).isEqualTo(new PlanLimits(12, 30));
    }
}
