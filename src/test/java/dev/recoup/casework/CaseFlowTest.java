package dev.recoup.casework;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

@RecoupIntegrationTest
class CaseFlowTest {

    static final LocalDate FIRST_RUN = LocalDate.parse("2026-03-20");

    @Autowired CaseFlow flow;
    @Autowired Tasks tasks;
    @Autowired DailyRunService runs;
    @Autowired BusinessClock clock;
    @Autowired JdbcClient jdbc;
    PortfolioFixture portfolio;
    long runId;

    @BeforeEach
    void twoOverdueCustomers() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        portfolio = new PortfolioFixture(jdbc);
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        portfolio.customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500);
        runId = runs.runToCompletion(FIRST_RUN, "test").id();
    }

    @Test
    void aNewCaseStartsInIntakeAndTheDailyRunClassifiesItByItsTier() {
        FlowState state = flow.flowOf(caseOf("LS"));

        assertThat(state.stage()).isEqualTo(CaseStage.CLASSIFIED);
        assertThat(state.enteredOn()).isEqualTo(FIRST_RUN);
        assertThat(state.history()).extracting(FlowState.StageChange::from, FlowState.StageChange::to, FlowState.StageChange::movedBy,
                        FlowState.StageChange::reason, FlowState.StageChange::runId)
                .containsExactly(tuple(null, CaseStage.INTAKE, "rule", "CASE_OPENED", runId),
                        tuple(CaseStage.INTAKE, CaseStage.CLASSIFIED, "rule", "TIER_ASSIGNED", runId));
    }

    @Test
    void ruleMovesNeverGoBackwards() {
        long ls = caseOf("LS"), ww = caseOf("WW");
        assertThat(flow.advanceByRule(new long[]{ls, ww}, CaseStage.ASSIGNED, FIRST_RUN, "ALLOCATED")).isEqualTo(2);
        assertThat(flow.advanceByRule(new long[]{ls}, CaseStage.NEGOTIATION, FIRST_RUN, "PROMISE_TO_PAY")).isEqualTo(1);

        // LS is past FIRST_CONTACT; WW is not, and moves. Moving to where a case is already moves nothing.
        assertThat(flow.advanceByRule(new long[]{ls, ww}, CaseStage.FIRST_CONTACT, FIRST_RUN, "RIGHT_PARTY_CONTACT")).isEqualTo(1);
        assertThat(flow.advanceByRule(new long[]{ls, ww}, CaseStage.CLASSIFIED, FIRST_RUN, "TIER_ASSIGNED")).isZero();
        assertThat(flow.advanceByRule(new long[]{ww}, CaseStage.FIRST_CONTACT, FIRST_RUN, "again")).isZero();

        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.NEGOTIATION);
        assertThat(flow.flowOf(ww).stage()).isEqualTo(CaseStage.FIRST_CONTACT);
        assertThat(flow.flowOf(ls).history()).extracting(FlowState.StageChange::to)
                .containsExactly(CaseStage.INTAKE, CaseStage.CLASSIFIED, CaseStage.ASSIGNED, CaseStage.NEGOTIATION);
    }

    @Test
    void aRuleNeverTakesAPaidUpCaseBackToWork() {
        long ls = caseOf("LS");
        portfolio.payment("LS-1", "2026-03-21", 4000);
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");
        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.CLOSED);

        assertThat(flow.advanceByRule(new long[]{ls}, CaseStage.ASSIGNED, FIRST_RUN.plusDays(1), "ALLOCATED")).isZero();
        assertThatThrownBy(() -> flow.move(ls, CaseStage.NEGOTIATION, "客户又来电", "manager")).isInstanceOf(ConflictException.class);
        assertThat(flow.flowOf(ls).history()).last().extracting(FlowState.StageChange::to, FlowState.StageChange::reason)
                .isEqualTo(List.of(CaseStage.CLOSED, "CURED"));
    }

    @Test
    void aManualMoveNeedsAReasonAndIsRecordedWithWhoMadeIt() {
        long ww = caseOf("WW");
        assertThatThrownBy(() -> flow.move(ww, CaseStage.LEGAL, "  ", "manager"))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(flow.flowOf(ww).history()).hasSize(2);

        FlowState moved = flow.move(ww, CaseStage.LEGAL, "失联超过 180 天，转诉讼", "manager");
        // People may move cases back too.
        FlowState back = flow.move(ww, CaseStage.NEGOTIATION, "客户主动联系，愿意协商", "manager");

        assertThat(moved.stage()).isEqualTo(CaseStage.LEGAL);
        assertThat(moved.ownerRole()).isEqualTo("legal-officer");
        assertThat(moved.limitDays()).isEqualTo(180);
        assertThat(back.stage()).isEqualTo(CaseStage.NEGOTIATION);
        assertThat(back.enteredOn()).isEqualTo(clock.today());
        assertThat(back.history()).extracting(FlowState.StageChange::from, FlowState.StageChange::to, FlowState.StageChange::movedBy,
                        FlowState.StageChange::reason)
                .endsWith(tuple(CaseStage.CLASSIFIED, CaseStage.LEGAL, "manager", "失联超过 180 天，转诉讼"),
                        tuple(CaseStage.LEGAL, CaseStage.NEGOTIATION, "manager", "客户主动联系，愿意协商"));
    }

    @Test
    void closingACaseByHandCancelsItsOpenTasks() {
        long ww = caseOf("WW");
        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(ww, "AGENT_CALL", "M7/call", FIRST_RUN, "team-t4", null, "strategy:1")).iterator());

        flow.move(ww, CaseStage.CLOSED, "债务已转让", "manager");

        assertThat(tasks.ofCase(ww)).extracting(Task::status, Task::cancelReason).containsExactly(tuple(TaskStatus.CANCELLED, "CASE_CLOSED"));
        assertThatThrownBy(() -> tasks.create(ww, new ManualTask("AGENT_CALL", clock.today(), "team-t4", null, null), "manager"))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void aStageOverItsTimeLimitEscalatesExactlyOncePerStageEntry() {
        long ls = caseOf("LS"), ww = caseOf("WW");
        flow.advanceByRule(new long[]{ls}, CaseStage.ASSIGNED, FIRST_RUN, "ALLOCATED");
        flow.advanceByRule(new long[]{ww}, CaseStage.FIRST_CONTACT, FIRST_RUN, "RIGHT_PARTY_CONTACT");

        // ASSIGNED allows 3 days: the 23rd is the last day within the limit.
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(3)).escalated()).isZero();
        assertThat(flow.flowOf(ls).overdue()).isTrue(); // as of today, months later
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(4)).escalated()).isEqualTo(1);
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(4)).escalated()).isZero();
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(5)).escalated()).isZero();

        assertThat(flow.flowOf(ls).escalations()).extracting(FlowState.Escalation::stage, FlowState.Escalation::limitOn,
                        FlowState.Escalation::escalatedOn, FlowState.Escalation::ownerRole, FlowState.Escalation::toQueue)
                .containsExactly(tuple(CaseStage.ASSIGNED, FIRST_RUN.plusDays(3), FIRST_RUN.plusDays(4), "agent", "team-lead"));
        assertThat(tasks.ofCase(ls)).extracting(Task::type, Task::stepKey, Task::queue, Task::dueOn, Task::status)
                .containsExactly(tuple("ESCALATION", "escalation/ASSIGNED", "team-lead", FIRST_RUN.plusDays(4), TaskStatus.OPEN));
        // FIRST_CONTACT allows 14 days.
        assertThat(tasks.ofCase(ww)).isEmpty();

        // Leaving the stage resolves the escalation; a later stage over its limit escalates again.
        flow.advanceByRule(new long[]{ls}, CaseStage.FIRST_CONTACT, FIRST_RUN.plusDays(6), "RIGHT_PARTY_CONTACT");
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(6)).escalated()).isZero();
        assertThat(flow.dailyReview(runId, FIRST_RUN.plusDays(21)).escalated()).isEqualTo(2);
        assertThat(flow.flowOf(ls).escalations()).extracting(FlowState.Escalation::stage, FlowState.Escalation::resolvedOn)
                .containsExactly(tuple(CaseStage.ASSIGNED, FIRST_RUN.plusDays(6)), tuple(CaseStage.FIRST_CONTACT, null));
    }

    @Test
    void closedCasesArchiveAfterTheArchivePeriod() {
        long ls = caseOf("LS");
        portfolio.payment("LS-1", "2026-03-21", 4000);
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");
        FlowState closed = flow.flowOf(ls);
        assertThat(closed.stage()).isEqualTo(CaseStage.CLOSED);
        LocalDate lastDayClosed = closed.enteredOn().plusDays(closed.limitDays());

        assertThat(flow.dailyReview(runId, lastDayClosed).archived()).isZero();
        assertThat(flow.dailyReview(runId, lastDayClosed.plusDays(1)).archived()).isEqualTo(1);

        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.ARCHIVED);
        assertThat(flow.flowOf(ls).history()).extracting(FlowState.StageChange::to, FlowState.StageChange::reason).containsExactly(
                tuple(CaseStage.INTAKE, "CASE_OPENED"), tuple(CaseStage.CLASSIFIED, "TIER_ASSIGNED"), tuple(CaseStage.CLOSED, "CURED"),
                tuple(CaseStage.ARCHIVED, "ARCHIVE_PERIOD_ENDED"));
        // Closed cases are not escalated.
        assertThat(flow.flowOf(ls).escalations()).isEmpty();
    }

    @Test
    void aReRunThatReopensACasePutsItBackInItsStageWithItsTasks() {
        long ls = caseOf("LS");
        flow.advanceByRule(new long[]{ls}, CaseStage.ASSIGNED, FIRST_RUN, "ALLOCATED");
        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(ls, "AGENT_CALL", "M2/call", FIRST_RUN.plusDays(2), "team-t2", null, "strategy:1"))
                .iterator());
        portfolio.payment("LS-1", "2026-03-21", 4000);
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");
        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.CLOSED);

        // The payment was keyed in error; the day is run again.
        jdbc.sql("delete from payment where paid_on = '2026-03-21'").update();
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");

        FlowState state = flow.flowOf(ls);
        assertThat(state.caseStatus()).isEqualTo("OPEN");
        assertThat(state.stage()).isEqualTo(CaseStage.ASSIGNED);
        assertThat(state.enteredOn()).isEqualTo(FIRST_RUN);
        assertThat(state.history()).extracting(FlowState.StageChange::to, FlowState.StageChange::reason).endsWith(
                tuple(CaseStage.CLOSED, "CURED"), tuple(CaseStage.ASSIGNED, "RERUN_CORRECTION"));
        assertThat(tasks.ofCase(ls)).extracting(Task::status).containsExactly(TaskStatus.OPEN);
    }

    long caseOf(String customerRef) {
        return jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id where c.customer_ref = ? order by k.id desc limit 1")
                .param(customerRef).query(Long.class).single();
    }
}
