package dev.recoup.delinquency.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AccountDelinquencyTest {

    private static Instalment due(int seq, String date, long principal, long interest, long fee, long penalty) {
        return new Instalment(seq, LocalDate.parse(date), principal, interest, fee, penalty);
    }

    private static Repayment paid(String date, long amount) {
        return new Repayment(LocalDate.parse(date), amount);
    }

    @Test
    void onTheDueDateItselfNothingIsOverdue() {
        var schedule = List.of(due(1, "2026-03-15", 100_00, 10_00, 0, 0));
        var status = AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2026-03-15"));
        assertThat(status.daysPastDue()).isZero();
        assertThat(status.bucket()).isEqualTo(Bucket.M0);
        assertThat(status.overdueTotal()).isZero();
        assertThat(status.outstanding()).isEqualTo(110_00);
    }

    @Test
    void theDayAfterTheDueDateIsOneDayPastDueInM1() {
        var schedule = List.of(due(1, "2026-03-15", 100_00, 10_00, 0, 0));
        var status = AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2026-03-16"));
        assertThat(status.daysPastDue()).isEqualTo(1);
        assertThat(status.bucket()).isEqualTo(Bucket.M1);
        assertThat(status.overduePrincipal()).isEqualTo(100_00);
        assertThat(status.overdueInterest()).isEqualTo(10_00);
    }

    @Test
    void aDueDateOnTheThirtyFirstOfJanuaryIsTwentyNineDaysPastDueOnTheFirstOfMarchInALeapYear() {
        var schedule = List.of(due(1, "2028-01-31", 500_00, 0, 0, 0));
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2028-02-29")).daysPastDue()).isEqualTo(29);
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2028-03-01")).daysPastDue()).isEqualTo(30);
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2028-03-02")).bucket()).isEqualTo(Bucket.M2);
    }

    @Test
    void anInstalmentDueOnTheTwentyNinthOfFebruaryCountsFromThatDay() {
        var schedule = List.of(due(1, "2028-02-29", 500_00, 0, 0, 0));
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2028-02-29")).daysPastDue()).isZero();
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2028-03-01")).daysPastDue()).isEqualTo(1);
        assertThat(AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2029-02-28")).daysPastDue()).isEqualTo(365);
    }

    @Test
    void monthEndDueDatesInANonLeapYearCountCalendarDays() {
        var schedule = List.of(due(1, "2027-01-31", 500_00, 0, 0, 0), due(2, "2027-02-28", 500_00, 0, 0, 0));
        var status = AccountDelinquency.assess(schedule, List.of(), LocalDate.parse("2027-03-31"));
        assertThat(status.daysPastDue()).isEqualTo(59);
        assertThat(status.bucket()).isEqualTo(Bucket.M2);
        assertThat(status.overdueTotal()).isEqualTo(1000_00);
    }

    @Test
    void aPartialPaymentPaysFeesPenaltyAndInterestBeforePrincipalAndLeavesTheInstalmentOverdue() {
        var schedule = List.of(due(1, "2026-05-10", 1000_00, 80_00, 20_00, 15_00));
        var status = AccountDelinquency.assess(schedule, List.of(paid("2026-05-20", 200_00)), LocalDate.parse("2026-06-01"));
        assertThat(status.overdueFee()).isZero();
        assertThat(status.overduePenalty()).isZero();
        assertThat(status.overdueInterest()).isZero();
        assertThat(status.overduePrincipal()).isEqualTo(915_00);
        assertThat(status.daysPastDue()).isEqualTo(22);
    }

    @Test
    void daysPastDueCountFromTheOldestInstalmentNotFullyPaid() {
        var schedule = List.of(due(1, "2026-01-15", 300_00, 0, 0, 0), due(2, "2026-02-15", 300_00, 0, 0, 0), due(3, "2026-03-15", 300_00, 0, 0, 0));
        // Pays the first in full and half of the second, late.
        var status = AccountDelinquency.assess(schedule, List.of(paid("2026-02-20", 450_00)), LocalDate.parse("2026-03-20"));
        assertThat(status.oldestUnpaidDueDate()).isEqualTo(LocalDate.parse("2026-02-15"));
        assertThat(status.daysPastDue()).isEqualTo(33);
        assertThat(status.overduePrincipal()).isEqualTo(450_00);
        assertThat(status.maxDaysLateSettled()).isEqualTo(36);
    }

    @Test
    void anOverpaymentClearsTheArrearsPrepaysTheNextInstalmentAndKeepsTheRestAsCredit() {
        var schedule = List.of(due(1, "2026-01-15", 300_00, 30_00, 0, 0), due(2, "2026-02-15", 300_00, 30_00, 0, 0));
        var status = AccountDelinquency.assess(schedule, List.of(paid("2026-01-20", 700_00)), LocalDate.parse("2026-01-25"));
        assertThat(status.daysPastDue()).isZero();
        assertThat(status.outstanding()).isZero();
        assertThat(status.credit()).isEqualTo(40_00);
        assertThat(status.paid()).isEqualTo(660_00);
    }

    @Test
    void aCustomerWhoPaysTheArrearsIsCuredTheSameDay() {
        var schedule = List.of(due(1, "2026-01-15", 300_00, 0, 0, 0));
        var status = AccountDelinquency.assess(schedule, List.of(paid("2026-02-10", 300_00)), LocalDate.parse("2026-02-10"));
        assertThat(status.daysPastDue()).isZero();
        assertThat(status.maxDaysLateSettled()).isEqualTo(26);
        assertThat(status.repaymentsMade()).isEqualTo(1);
    }
}
