package dev.recoup.strategy.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.recoup.strategy.domain.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per seed rule the default strategy encodes (R4, R6). */
class DefaultStrategyTest {

    static final CompiledStrategy STRATEGY = compiled();

    static CompiledStrategy compiled() {
        StrategyCompiler.Compilation compilation = StrategyCompiler.compile(DefaultStrategy.definition());
        if (compilation instanceof StrategyCompiler.Invalid invalid) {
            throw new AssertionError("the default strategy does not compile: " + invalid.errors());
        }
        return ((StrategyCompiler.Compiled) compilation).strategy();
    }

    private static StrategyDefinition.Segment segmentOf(Cases aCase) {
        int index = STRATEGY.segmentOf(aCase.build());
        assertThat(index).as("the case falls in some segment").isNotNegative();
        return STRATEGY.definition().segments().get(index);
    }

    /** The steps due when the case has been in its segment for {@code days} days. */
    private static List<DueStep> dueAfter(Cases aCase, int days) {
        CaseAttributes attributes = aCase.daysInStage(days).build();
        return STRATEGY.dueSteps(STRATEGY.segmentOf(attributes), attributes);
    }

    private static List<StepType> typesDueAfter(Cases aCase, int days) {
        return dueAfter(aCase, days).stream().map(DueStep::type).toList();
    }

    @Test
    void theDefaultStrategyCompilesAndEverySegmentHasNamesInChineseAndEnglish() {
        assertThat(STRATEGY.definition().segments()).hasSizeGreaterThanOrEqualTo(15).allSatisfy(segment -> {
            assertThat(segment.nameZh()).isNotBlank().isNotEqualTo(segment.nameEn());
            assertThat(segment.nameEn()).isNotBlank();
        });
    }

    @Test
    void everySegmentAndStepWorksInAQueueAllocationKnows() {
        Set<String> queues = Set.of("robot-sms", "phone-t2", "senior-t3", "legal", "field", "agency");
        for (StrategyDefinition.Segment segment : STRATEGY.definition().segments()) {
            assertThat(queues).contains(segment.queue());
            segment.steps().stream().filter(s -> s.queue() != null).forEach(s -> assertThat(queues).contains(s.queue()));
        }
    }

    // ---- R4: the four tiers ----

    @Test
    void aT1CustomerWithinThirtyDaysIsRemindedByRobotVoiceAndSms() {
        for (int dpd : new int[] {1, 5, 6, 17, 18, 30}) {
            Cases t1 = aCase().tier("T1").dpd(dpd);
            assertThat(segmentOf(t1).queue()).as("dpd %d", dpd).isEqualTo("robot-sms");
            assertThat(typesDueAfter(t1, 1)).as("dpd %d", dpd).contains(StepType.ROBOT_CALL).doesNotContain(StepType.AGENT_CALL);
        }
    }

    @Test
    void aT2CustomerIsCalledByPhoneAgents() {
        for (int dpd : new int[] {1, 12, 25, 31, 60, 90}) {
            Cases t2 = aCase().tier("T2").dpd(dpd);
            assertThat(segmentOf(t2).queue()).as("dpd %d", dpd).isEqualTo("phone-t2");
            assertThat(typesDueAfter(t2, 0)).as("dpd %d", dpd).contains(StepType.AGENT_CALL);
        }
    }

    @Test
    void aT3CustomerGetsSeniorSpecialistsAndAPersonalisedPlan() {
        for (long overdue : new long[] {300_000, 8_000_000}) {
            Cases t3 = aCase().dpd(120).overdue(overdue);
            assertThat(segmentOf(t3).queue()).isEqualTo("senior-t3");
            assertThat(typesDueAfter(t3, 7)).contains(StepType.AGENT_CALL, StepType.OFFER_RESTRUCTURING);
        }
    }

    @Test
    void aT4CustomerGoesToLegalActionOrAnAgency() {
        assertThat(segmentOf(aCase().dpd(200).overdue(8_000_000)).queue()).isEqualTo("legal");
        assertThat(typesDueAfter(aCase().dpd(200).overdue(8_000_000), 14)).contains(StepType.REFER_TO_LEGAL);
        assertThat(segmentOf(aCase().dpd(200).overdue(300_000)).queue()).isEqualTo("agency");
        assertThat(typesDueAfter(aCase().dpd(200).overdue(300_000), 0)).contains(StepType.PLACE_WITH_AGENCY);
    }

    // ---- R6: the DPD stages ----

    @Test
    void inTheFirstFiveDaysTheCustomerIsRemindedKindlyWithTheAmountAndHowToPay() {
        for (String tier : new String[] {"T1", "T2"}) {
            List<DueStep> due = dueAfter(aCase().tier(tier).dpd(2), 0);
            assertThat(due).extracting(DueStep::template).contains("sms.first-day-reminder");
            assertThat(due).extracting(DueStep::type).doesNotContain(StepType.LETTER, StepType.FIELD_VISIT, StepType.LAWYER_LETTER);
        }
    }

    @Test
    void fromDaySixContactDataIsVerifiedAndTheCustomerIsContactedMoreOften() {
        for (String tier : new String[] {"T1", "T2"}) {
            assertThat(typesDueAfter(aCase().tier(tier).dpd(8), 0)).as(tier).contains(StepType.VERIFY_CONTACT_DATA);
            assertThat(cadenceOfCalls(aCase().tier(tier).dpd(8))).as(tier).isLessThan(cadenceOfCalls(aCase().tier(tier).dpd(3)));
        }
    }

    /** Days between calls (robot or agent) in the case's segment. */
    private static int cadenceOfCalls(Cases aCase) {
        return segmentOf(aCase).steps().stream()
                .filter(s -> (s.type() == StepType.ROBOT_CALL || s.type() == StepType.AGENT_CALL) && s.condition() == null)
                .mapToInt(StrategyDefinition.Step::everyDays).min().orElseThrow();
    }

    @Test
    void fromDayEighteenTheConsequencesAreExplained() {
        for (String tier : new String[] {"T1", "T2"}) {
            assertThat(dueAfter(aCase().tier(tier).dpd(20), 0)).extracting(DueStep::template).as(tier)
                    .contains("sms.risk-warning", "email.risk-warning", "CONSEQUENCES");
        }
    }

    @Test
    void aCaseThirtyDaysIntoTheSecondToThirdMonthGetsARegisteredDemandLetter() {
        assertThat(typesDueAfter(aCase().dpd(40), 29)).doesNotContain(StepType.LETTER);
        assertThat(typesDueAfter(aCase().dpd(70), 30)).contains(StepType.LETTER);
    }

    // ---- R6: ≤ 50,000 yuan and ≤ 180 DPD → phone ----

    @Test
    void aDebtOfAtMostFiftyThousandYuanWithin180DaysIsWorkedByPhone() {
        for (int dpd : new int[] {31, 60, 90, 91, 150, 180}) {
            Cases small = aCase().dpd(dpd).overdue(DefaultStrategy.PHONE_LIMIT_FEN);
            assertThat(segmentOf(small).queue()).as("dpd %d", dpd).isIn("phone-t2", "senior-t3");
            assertThat(typesDueAfter(small, 0)).as("dpd %d", dpd).contains(StepType.AGENT_CALL)
                    .doesNotContain(StepType.FIELD_VISIT, StepType.PLACE_WITH_AGENCY, StepType.REFER_TO_LEGAL, StepType.LAWYER_LETTER);
        }
    }

    @Test
    void aLargerDebtIsVisitedInTheFieldWhenTheCustomerCannotBeReached() {
        Cases large = aCase().dpd(60).overdue(DefaultStrategy.PHONE_LIMIT_FEN + 1).reachableContacts(0);
        assertThat(dueAfter(large, 14)).filteredOn(s -> s.type() == StepType.FIELD_VISIT).singleElement()
                .satisfies(s -> assertThat(s.queue()).isEqualTo("field"));
        assertThat(typesDueAfter(aCase().dpd(60).overdue(DefaultStrategy.PHONE_LIMIT_FEN + 1).reachableContacts(2), 14))
                .doesNotContain(StepType.FIELD_VISIT);
        assertThat(typesDueAfter(aCase().dpd(60).overdue(DefaultStrategy.PHONE_LIMIT_FEN).reachableContacts(0), 14))
                .doesNotContain(StepType.FIELD_VISIT);
    }

    @Test
    void aLostContactGetsASkipTrace() {
        assertThat(dueAfter(aCase().dpd(10).reachableContacts(0), 7)).extracting(DueStep::stepKey).contains("skip-trace");
        assertThat(dueAfter(aCase().dpd(10).reachableContacts(1), 7)).extracting(DueStep::stepKey).doesNotContain("skip-trace");
    }

    @Test
    void aStalledSmallT3CaseIsPlacedWithAnAgencyAfterSixtyDaysInTheStage() {
        Cases stalled = aCase().dpd(150).overdue(400_000).brokenPromises(1);
        assertThat(typesDueAfter(stalled, 59)).doesNotContain(StepType.PLACE_WITH_AGENCY);
        assertThat(dueAfter(stalled, 60)).filteredOn(s -> s.type() == StepType.PLACE_WITH_AGENCY).singleElement()
                .satisfies(s -> assertThat(s.queue()).isEqualTo("agency"));
        assertThat(typesDueAfter(aCase().dpd(150).overdue(400_000), 60)).doesNotContain(StepType.PLACE_WITH_AGENCY);
    }

    // ---- R6: the specific routes ----

    @Test
    void aCustomerWithRealEstateCollateralTakesTheJudicialAuctionRoute() {
        Cases mortgage = aCase().dpd(120).overdue(20_000_000).collateral(150_000_000, "real_estate");
        assertThat(segmentOf(mortgage).code()).isEqualTo("RE-judicial-auction");
        assertThat(segmentOf(mortgage).queue()).isEqualTo("legal");
        assertThat(typesDueAfter(mortgage, 30)).contains(StepType.REFER_TO_LEGAL).doesNotContain(StepType.JUDICIAL_AUCTION);
        assertThat(typesDueAfter(mortgage, 60)).contains(StepType.JUDICIAL_AUCTION);
        // Also beyond 180 days and when able but unwilling: the collateral route wins.
        assertThat(segmentOf(mortgage.dpd(400).brokenPromises(2)).code()).isEqualTo("RE-judicial-auction");
    }

    @Test
    void aMortgageBorrowerAFewDaysLateIsRemindedNotSued() {
        assertThat(segmentOf(aCase().dpd(3).collateral(150_000_000, "real_estate")).queue()).isEqualTo("robot-sms");
    }

    @Test
    void aSmallBusinessLoanTakesTheRestructuringRoute() {
        Cases sme = aCase().dpd(45).overdue(30_000_000).products("sme_loan").occupation("个体工商户");
        assertThat(segmentOf(sme).code()).isEqualTo("SME-restructuring");
        assertThat(typesDueAfter(sme, 3)).contains(StepType.OFFER_RESTRUCTURING, StepType.AGENT_CALL);
    }

    @Test
    void aCustomerAbleButUnwillingBeyond180DaysGetsALawyersLetterThenLitigation() {
        Cases unwilling = aCase().dpd(200).overdue(300_000).occupation("程序员").brokenPromises(1);
        assertThat(segmentOf(unwilling).code()).isEqualTo("T4-unwilling-litigation");
        assertThat(typesDueAfter(unwilling, 0)).containsExactly(StepType.LAWYER_LETTER);
        assertThat(typesDueAfter(unwilling, 30)).contains(StepType.LAWYER_LETTER, StepType.REFER_TO_LEGAL);
    }

    @Test
    void ableMeansCollateralCoveringTheDebtOrARegularIncome() {
        Cases declining = aCase().dpd(200).overdue(300_000).trend("DECLINING");
        assertThat(segmentOf(declining.occupation("教师")).code()).isEqualTo("T4-unwilling-litigation");
        assertThat(segmentOf(declining.occupation("自由职业")).code()).isEqualTo("T4-181-agency");
        assertThat(segmentOf(declining.occupation("").collateral(300_000, "vehicle")).code()).isEqualTo("T4-unwilling-litigation");
        assertThat(segmentOf(declining.occupation("").collateral(299_999, "vehicle")).code()).isEqualTo("T4-181-agency");
    }

    @Test
    void unwillingMeansABrokenPromiseOrRepaymentsThatDeclinedOrNeverStarted() {
        Cases able = aCase().dpd(250).overdue(300_000).occupation("公司职员");
        assertThat(segmentOf(able.trend("STEADY")).code()).isEqualTo("T4-181-agency");
        assertThat(segmentOf(able.trend("INSUFFICIENT")).code()).isEqualTo("T4-unwilling-litigation");
        assertThat(segmentOf(able.trend("RISING").brokenPromises(1)).code()).isEqualTo("T4-unwilling-litigation");
    }

    @Test
    void theAbleButUnwillingWithin180DaysAreNotSentToLitigation() {
        Cases unwilling = aCase().dpd(180).overdue(300_000).occupation("程序员").brokenPromises(3);
        assertThat(segmentOf(unwilling).queue()).isEqualTo("senior-t3");
    }

    // ---- R16: an active instalment plan replaces the overdue schedule ----

    @Test
    void aCaseOnAKeptPlanIsNotDunnedForWhatThePlanCoversWhateverItsDpd() {
        for (int dpd : new int[] {3, 45, 120, 400}) {
            Cases onPlan = aCase().dpd(dpd).overdue(300_000).collateral(9_000_000, "real_estate").onPlan(0, 0);
            assertThat(segmentOf(onPlan).code()).as("dpd %d", dpd).isEqualTo("PLAN-kept");
            assertThat(typesDueAfter(onPlan, 0)).as("dpd %d", dpd).isEmpty();
            assertThat(typesDueAfter(onPlan, 30)).as("dpd %d", dpd).isEmpty();
        }
    }

    @Test
    void anOverdueAmountBeyondTheKeptPlanGetsOnlyAReminder() {
        Cases beyond = aCase().dpd(60).overdue(300_000).onPlan(0, 50_000);
        assertThat(segmentOf(beyond).code()).isEqualTo("PLAN-kept");
        assertThat(typesDueAfter(beyond, 0)).containsExactly(StepType.SMS);
    }

    @Test
    void aLatePlanInstalmentGetsAReminderAndFollowUpCalls() {
        Cases late = aCase().dpd(60).overdue(300_000).onPlan(2, 0);
        assertThat(segmentOf(late).code()).isEqualTo("PLAN-late");
        assertThat(typesDueAfter(late, 0)).containsExactly(StepType.SMS);
        assertThat(typesDueAfter(late, 1)).contains(StepType.AGENT_CALL);
    }

    @Test
    void withoutAnActivePlanTheCaseIsInTheSegmentItsDpdGives() {
        Cases noPlan = aCase().dpd(60).overdue(300_000);
        assertThat(segmentOf(noPlan).code()).isEqualTo("T2-31-90-phone");
    }
}
