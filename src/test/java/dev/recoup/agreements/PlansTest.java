package dev.recoup.agreements;

import dev.recoup.agreements.domain.PlanProgress;
import dev.recoup.agreements.domain.PlanStatus;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Instalment plans against the real database, with the default strategy (no strategy is active, so the run installs it). */
@RecoupIntegrationTest
class PlansTest {

    @Autowired DailyRunService runs;
    @Autowired Plans plans;
    @Autowired ApprovalService approvals;
    @Autowired CaseFlow flow;
    @Autowired JdbcClient jdbc;
    @Autowired dev.recoup.payments.PaymentPosting payments;
    @Autowired BusinessClock clock;
    AgreementsFixture fixture;
    LocalDate today;
    long zhang;

    @BeforeEach
    void zhangSanIsFortyFiveDaysLateWithTwoThousandYuanOverdue() {
        TestDatabase.clean(jdbc);
        today = clock.today();
        new PortfolioFixture(jdbc).customer("ZS").account("ZS-1", "ZS", today.minusDays(45).toString(), 6, 1000);
        fixture = new AgreementsFixture(jdbc);
        runs.runToCompletion(today, "test");
        zhang = fixture.caseOf("ZS");
    }

    /** 2,000 yuan in {@code n} monthly instalments from {@code start}; income 8,000, expenses 5,000 a month. */
    private PlanRequest terms(int n, Long firstFen, LocalDate start) {
        return new PlanRequest(2000_00L, n, firstFen, start, "MONTHLY", null, 8000_00L, 5000_00L, null, "客户失业后再就业，收入恢复");
    }

    private String segmentOf(long caseId) {
        return jdbc.sql("select segment_code from case_segment where case_id = ?").param(caseId).query(String.class).single();
    }

    @Test
    void aPlanWithinTheLimitsIsActiveAtOnceAndItsInstalmentsAddUpToTheTotal() {
        Plan plan = plans.create(zhang, terms(4, null, today.plusDays(1)), "agent");

        assertThat(plan.status()).isEqualTo(PlanStatus.ACTIVE);
        assertThat(plan.activatedOn()).isEqualTo(today);
        assertThat(plan.limitBreaches()).isEmpty();
        // First payment: the larger of 20 % (400 yuan) and an equal share (500 yuan).
        assertThat(plan.schedule()).extracting(Plan.Instalment::amountMinor).containsExactly(500_00L, 500_00L, 500_00L, 500_00L);
        assertThat(plan.schedule()).extracting(Plan.Instalment::dueOn)
                .containsExactly(today.plusDays(1), today.plusDays(1).plusMonths(1), today.plusDays(1).plusMonths(2), today.plusDays(1).plusMonths(3));
        assertThat(plan.affordability()).isEqualTo("OK");
        assertThat(flow.flowOf(zhang).stage()).isEqualTo(CaseStage.NEGOTIATION);
    }

    @Test
    void aPlanBeyondTheLimitsWaitsForApprovalAndIsActiveOnceApproved() {
        Plan plan = plans.create(zhang, terms(13, 400_00L, today.plusDays(1)), "agent");

        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        assertThat(plan.limitBreaches()).containsExactly("TOO_MANY_INSTALMENTS");
        assertThat(plan.approvalId()).isNotNull();
        assertThat(approvals.find(plan.approvalId())).satisfies(a -> {
            assertThat(a.kind()).isEqualTo("PLAN");
            assertThat(a.subjectId()).isEqualTo(plan.id());
            assertThat(a.amountFen()).isEqualTo(2000_00L);
        });

        approvals.decide(plan.approvalId(), "lead", Set.of("TEAM_LEAD"), true, "收入证明齐全");

        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.ACTIVE);
            assertThat(p.activatedOn()).isEqualTo(today);
        });
    }

    @Test
    void aFirstPaymentBelowTwentyPercentNeedsApprovalAndARejectedPlanNeverStarts() {
        Plan plan = plans.create(zhang, terms(4, 300_00L, today.plusDays(1)), "agent");
        assertThat(plan.status()).isEqualTo(PlanStatus.PENDING_APPROVAL);
        assertThat(plan.limitBreaches()).containsExactly("FIRST_PAYMENT_TOO_SMALL");

        approvals.decide(plan.approvalId(), "lead", Set.of("TEAM_LEAD"), false, "首付过低");

        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.REJECTED);
            assertThat(p.endReason()).contains("首付过低");
        });
    }

    @Test
    void aPlanTheCustomerCannotAffordIsRefusedWithTheReason() {
        PlanRequest tight = new PlanRequest(2000_00L, 4, null, today.plusDays(1), "MONTHLY", null, 5000_00L, 4800_00L, null, null);

        assertThatThrownBy(() -> plans.create(zhang, tight, "agent")).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("affordability"))
                .hasMessageContaining("more than the 100% allowed");
        assertThat(plans.list(null, zhang, 0, 10)).isEmpty();
    }

    @Test
    void aPlanNeedsTheDeclaredIncomeAndExpenses() {
        assertThatThrownBy(() -> plans.create(zhang, new PlanRequest(2000_00L, 4, null, today, "MONTHLY", null, null, null, null, null), "agent"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("affordability check");
    }

    @Test
    void aCaseHasOneLivePlanAtATime() {
        Plan first = plans.create(zhang, terms(4, null, today.plusDays(1)), "agent");

        assertThatThrownBy(() -> plans.create(zhang, terms(6, null, today.plusDays(1)), "agent")).isInstanceOf(ConflictException.class);

        plans.cancel(first.id(), "客户要求改为6期", "agent");
        assertThat(plans.create(zhang, terms(6, null, today.plusDays(1)), "agent").status()).isEqualTo(PlanStatus.ACTIVE);
    }

    @Test
    void aKeptPlanReplacesTheOverdueScheduleForTheStrategy() {
        assertThat(segmentOf(zhang)).isEqualTo("T2-31-90-phone");
        plans.create(zhang, terms(4, null, today), "agent");
        fixture.payment("ZS-1", today, 500_00);

        runs.runToCompletion(today.plusDays(1), "test");

        // Still 45+ days late on the lender's schedule, but the plan is kept: collected by the plan, not dunned.
        assertThat(segmentOf(zhang)).isEqualTo("PLAN-kept");
        assertThat(jdbc.sql("select count(*) from task where case_id = ? and status = 'OPEN' and created_on = ?").params(zhang, today.plusDays(1))
                .query(Long.class).single()).isZero();
    }

    @Test
    void aPlanBreaksAfterTwoMissedInstalmentsAndTheCaseReturnsToItsStage() {
        Plan plan = plans.create(zhang, terms(4, null, today), "agent");

        // The first instalment is missed three grace days after it fell due: one missed, still active, a late-plan reminder.
        runs.runToCompletion(today.plusDays(4), "test");
        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.ACTIVE);
            assertThat(p.missed()).isEqualTo(1);
            assertThat(p.daysPastDue()).isPositive();
            assertThat(p.schedule().getFirst().state()).isEqualTo(PlanProgress.InstalmentState.MISSED);
        });
        assertThat(segmentOf(zhang)).isEqualTo("PLAN-late");

        // The second is missed too: the plan breaks, and the strategy takes the case back by its DPD.
        LocalDate secondMissed = today.plusMonths(1).plusDays(4);
        runs.runToCompletion(secondMissed, "test");
        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.BROKEN);
            assertThat(p.endedOn()).isEqualTo(secondMissed);
            assertThat(p.endReason()).isEqualTo("MISSED_INSTALMENTS");
        });
        assertThat(segmentOf(zhang)).startsWith("T2-31-90");
    }

    @Test
    void catchingUpOnAMissedInstalmentKeepsThePlan() {
        Plan plan = plans.create(zhang, terms(4, null, today), "agent");
        runs.runToCompletion(today.plusDays(4), "test");
        fixture.payment("ZS-1", today.plusDays(5), 500_00);

        runs.runToCompletion(today.plusDays(6), "test");

        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.ACTIVE);
            assertThat(p.missed()).isZero();
            assertThat(p.paidMinor()).isEqualTo(500_00);
        });
        assertThat(segmentOf(zhang)).isEqualTo("PLAN-kept");
    }

    @Test
    void aPlanPaidInFullCompletesAndTheCustomerBecomesEligibleForCreditRestoration() {
        Plan plan = plans.create(zhang, terms(2, 1000_00L, today), "agent");
        fixture.payment("ZS-1", today, 1000_00);

        fixture.postPayment(payments, "ZS-1", today, 1000_00);

        assertThat(plans.find(plan.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PlanStatus.COMPLETED);
            assertThat(p.endReason()).isEqualTo("PAID_IN_FULL");
            assertThat(p.creditRestorationEligibleOn()).isEqualTo(today);
        });
        assertThat(plans.creditRestorations(0, 10)).singleElement().satisfies(r -> {
            assertThat(r.customerId()).isEqualTo("ZS");
            assertThat(r.planId()).isEqualTo(plan.id());
            assertThat(r.eligibleOn()).isEqualTo(today);
        });
    }

    @Test
    void paymentsMadeBeforeThePlanWasAgreedDoNotPayIt() {
        fixture.payment("ZS-1", today.minusDays(3), 1000_00);
        Plan plan = plans.create(zhang, terms(2, 1000_00L, today), "agent");

        runs.runToCompletion(today.plusDays(1), "test");

        assertThat(plans.find(plan.id()).paidMinor()).isZero();
    }
}
