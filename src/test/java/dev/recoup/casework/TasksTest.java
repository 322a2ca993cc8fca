package dev.recoup.casework;

import dev.recoup.casework.persistence.TaskProperties;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RecoupIntegrationTest
class TasksTest {

    static final LocalDate FIRST_RUN = LocalDate.parse("2026-03-20");

    @Autowired Tasks tasks;
    @Autowired CaseFlow flow;
    @Autowired DailyRunService runs;
    @Autowired TaskProperties properties;
    @Autowired BusinessClock clock;
    @Autowired JdbcClient jdbc;
    PortfolioFixture portfolio;
    long runId;

    @BeforeEach
    void twoOverdueCustomers() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        portfolio = new PortfolioFixture(jdbc);
        // 李四 stopped paying after the first instalment; 王五 never paid.
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        portfolio.customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500);
        runId = runs.runToCompletion(FIRST_RUN, "test").id();
    }

    @Test
    void reOfferingTheSameDraftsCreatesNothing() {
        List<TaskDraft> drafts = List.of(
                draft(caseOf("LS"), "AGENT_CALL", "M2/call", FIRST_RUN),
                draft(caseOf("LS"), "SMS", "M2/sms", FIRST_RUN),
                draft(caseOf("WW"), "LAWYER_LETTER", "M7/letter", FIRST_RUN));

        assertThat(tasks.createDue(runId, FIRST_RUN, drafts.iterator())).isEqualTo(3);
        assertThat(tasks.createDue(runId, FIRST_RUN, drafts.iterator())).isZero();
        // The same step on another day is another task.
        assertThat(tasks.createDue(runId, FIRST_RUN, List.of(draft(caseOf("LS"), "AGENT_CALL", "M2/call", FIRST_RUN.plusDays(3))).iterator()))
                .isEqualTo(1);

        assertThat(count("select count(*) from task")).isEqualTo(4);
        assertThat(tasks.ofCase(caseOf("LS"))).extracting(Task::stepKey).containsExactlyInAnyOrder("M2/call", "M2/sms", "M2/call");
    }

    @Test
    void theSameDraftTwiceInOneBatchIsOneTask() {
        TaskDraft call = draft(caseOf("LS"), "AGENT_CALL", "M2/call", FIRST_RUN);

        assertThat(tasks.createDue(runId, FIRST_RUN, List.of(call, call).iterator())).isEqualTo(1);
    }

    @Test
    void aDraftsTextArrivesExactlyEvenWithTabsBackslashesAndChinese() {
        String template = "提醒\t模板\\v2\nline";
        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(caseOf("LS"), "SMS", "段/短信", FIRST_RUN, "robot-sms", template, "strategy:7")).iterator());

        Task task = tasks.ofCase(caseOf("LS")).getFirst();
        assertThat(task.template()).isEqualTo(template);
        assertThat(task.stepKey()).isEqualTo("段/短信");
        assertThat(task.source()).isEqualTo("strategy:7");
        assertThat(task.createdByRun()).isEqualTo(runId);
        assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
        // Due at the end of the due day in Beijing time.
        assertThat(task.dueAt().toInstant()).isEqualTo(FIRST_RUN.atTime(properties.dueTime()).atZone(clock.zone()).toInstant());
    }

    @Test
    void manyDraftsInOneCallBecomeTasksOnce() {
        long ls = caseOf("LS"), ww = caseOf("WW");
        List<TaskDraft> drafts = LongStream.range(0, 20_000)
                .mapToObj(i -> draft(i % 2 == 0 ? ls : ww, "ROBOT_CALL", "seg/robot-" + i / 2, FIRST_RUN.plusDays(i % 30))).toList();

        assertThat(tasks.createDue(runId, FIRST_RUN, drafts.iterator())).isEqualTo(20_000);
        assertThat(tasks.createDue(runId, FIRST_RUN, drafts.iterator())).isZero();
    }

    @Test
    void aCuredCasesOpenTasksAreCancelledByTheDailyRun() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call", FIRST_RUN.plusDays(2)),
                draft(caseOf("WW"), "AGENT_CALL", "M7/call", FIRST_RUN.plusDays(2))).iterator());

        portfolio.payment("LS-1", "2026-03-21", 4000);
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");

        Task cancelled = tasks.ofCase(ls).getFirst();
        assertThat(cancelled.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(cancelled.cancelReason()).isEqualTo("CASE_CLOSED");
        assertThat(cancelled.closedOn()).isEqualTo(FIRST_RUN.plusDays(1));
        assertThat(tasks.ofCase(caseOf("WW")).getFirst().status()).isEqualTo(TaskStatus.OPEN);
        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.CLOSED);
    }

    @Test
    void aClosedCaseGetsNoNewTasksFromTheRun() {
        long ls = caseOf("LS");
        portfolio.payment("LS-1", "2026-03-21", 4000);
        runs.runToCompletion(FIRST_RUN.plusDays(1), "test");

        assertThat(tasks.createDue(runId, FIRST_RUN.plusDays(1), List.of(draft(ls, "AGENT_CALL", "M2/call", FIRST_RUN.plusDays(2)),
                draft(caseOf("WW"), "AGENT_CALL", "M7/call", FIRST_RUN.plusDays(2))).iterator())).isEqualTo(1);
        assertThat(tasks.ofCase(ls)).isEmpty();
    }

    @Test
    void tasksExpireAfterTheConfiguredDaysPastTheirDueDay() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call", FIRST_RUN)).iterator());
        int days = properties.expireAfterDays();

        assertThat(tasks.closeStaleTasks(runId, FIRST_RUN.plusDays(days))).isZero();
        assertThat(tasks.ofCase(ls).getFirst().status()).isEqualTo(TaskStatus.OPEN);

        assertThat(tasks.closeStaleTasks(runId, FIRST_RUN.plusDays(days + 1))).isEqualTo(1);
        Task expired = tasks.ofCase(ls).getFirst();
        assertThat(expired.status()).isEqualTo(TaskStatus.EXPIRED);
        assertThat(expired.closedOn()).isEqualTo(FIRST_RUN.plusDays(days + 1));
        assertThat(tasks.stats(ls).expired()).isEqualTo(1);
    }

    @Test
    void completingAfterTheDueDayMarksTheTaskLateAndOnTheDayOnTime() {
        long ls = caseOf("LS");
        LocalDate today = clock.today();
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call-late", today.minusDays(1)),
                draft(ls, "AGENT_CALL", "M2/call-now", today)).iterator());
        List<Task> open = tasks.ofCase(ls);

        Task late = tasks.complete(open.get(0).id(), TaskOutcome.NO_ANSWER, "关机", "agent");
        Task onTime = tasks.complete(open.get(1).id(), TaskOutcome.NO_ANSWER, null, "agent");

        assertThat(late.stepKey()).isEqualTo("M2/call-late");
        assertThat(late.onTime()).isFalse();
        assertThat(late.status()).isEqualTo(TaskStatus.DONE);
        assertThat(late.outcomeNote()).isEqualTo("关机");
        assertThat(late.completedBy()).isEqualTo("agent");
        assertThat(onTime.onTime()).isTrue();
        assertThat(tasks.stats(ls)).isEqualTo(new TaskStats(ls, 0, 2, 1, 1, 0, 0, 2));
    }

    @Test
    void aTaskIsCompletedOnlyOnce() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call", clock.today())).iterator());
        long id = tasks.ofCase(ls).getFirst().id();
        tasks.complete(id, TaskOutcome.OTHER, null, "agent");

        assertThatThrownBy(() -> tasks.complete(id, TaskOutcome.OTHER, null, "agent")).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> tasks.cancel(id, "不需要", "agent")).isInstanceOf(ConflictException.class);
    }

    @Test
    void speakingToTheDebtorIsTheFirstContactAndAPromiseOpensNegotiation() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call-1", clock.today()),
                draft(ls, "AGENT_CALL", "M2/call-2", clock.today()), draft(ls, "AGENT_CALL", "M2/call-3", clock.today())).iterator());
        List<Task> open = tasks.ofCase(ls);

        tasks.complete(open.get(0).id(), TaskOutcome.RIGHT_PARTY_CONTACT, null, "agent");
        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.FIRST_CONTACT);
        tasks.complete(open.get(1).id(), TaskOutcome.PROMISE_TO_PAY, "月底前还 2000", "agent");
        assertThat(flow.flowOf(ls).stage()).isEqualTo(CaseStage.NEGOTIATION);
        // A later contact does not take the case back to FIRST_CONTACT.
        tasks.complete(open.get(2).id(), TaskOutcome.REFUSED_TO_PAY, null, "agent");

        FlowState state = flow.flowOf(ls);
        assertThat(state.stage()).isEqualTo(CaseStage.NEGOTIATION);
        assertThat(state.history()).extracting(FlowState.StageChange::to, FlowState.StageChange::reason).endsWith(
                org.assertj.core.groups.Tuple.tuple(CaseStage.FIRST_CONTACT, "RIGHT_PARTY_CONTACT"),
                org.assertj.core.groups.Tuple.tuple(CaseStage.NEGOTIATION, "PROMISE_TO_PAY"));
    }

    @Test
    void aSegmentChangeCancelsTheRunsTasksButNotPeoplesOrEscalations() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "AGENT_CALL", "M2/call", FIRST_RUN.plusDays(1))).iterator());
        Task mine = tasks.create(ls, new ManualTask("FIELD_VISIT", clock.today(), null, "agent", "上门核实地址"), "manager");
        flow.dailyReview(runId, FIRST_RUN.plusDays(5)); // CLASSIFIED since 20 March, limit 1 day: escalated

        long cancelled = tasks.cancelForStageChange(new long[]{ls}, FIRST_RUN.plusDays(5), "SEGMENT_CHANGED");

        assertThat(cancelled).isEqualTo(1);
        assertThat(tasks.ofCase(ls)).filteredOn(t -> t.status() == TaskStatus.OPEN).extracting(Task::type)
                .containsExactlyInAnyOrder("FIELD_VISIT", "ESCALATION");
        assertThat(tasks.ofCase(ls)).filteredOn(t -> t.status() == TaskStatus.CANCELLED).extracting(Task::cancelReason)
                .containsExactly("SEGMENT_CHANGED");
        assertThat(tasks.find(mine.id()).source()).isEqualTo("manager");
    }

    @Test
    void aPersonsTaskIsDueAtTheEndOfItsDayInTheirQueueOrWithTheirOwner() {
        long ls = caseOf("LS");
        Task task = tasks.create(ls, new ManualTask("AGENT_CALL", clock.today().plusDays(1), "team-t2", null, "客户要求明天下午回电"), "agent");

        assertThat(task.stepKey()).isEqualTo("manual/" + task.id());
        assertThat(task.queue()).isEqualTo("team-t2");
        assertThat(task.createdByRun()).isNull();
        assertThat(task.note()).isEqualTo("客户要求明天下午回电");
        assertThat(tasks.search(new TaskQuery("team-t2", null, TaskStatus.OPEN, null, 0, 10)).tasks()).extracting(Task::id)
                .containsExactly(task.id());
    }

    @Test
    void theStatsViewCountsAsFollowUpsExactlyTheOutcomesThatAreContactAttempts() {
        long ls = caseOf("LS");
        LocalDate today = clock.today();
        List<TaskDraft> drafts = Arrays.stream(TaskOutcome.values())
                .map(o -> draft(ls, "AGENT_CALL", "outcome/" + o.name(), today)).toList();
        tasks.createDue(runId, FIRST_RUN, drafts.iterator());
        for (Task t : tasks.ofCase(ls)) {
            tasks.complete(t.id(), TaskOutcome.valueOf(t.stepKey().substring("outcome/".length())), null, "agent");
        }

        long contactAttempts = Arrays.stream(TaskOutcome.values()).filter(TaskOutcome::contactAttempt).count();
        assertThat(tasks.stats(ls).followUps()).isEqualTo(contactAttempts);
        assertThat(tasks.stats(ls).done()).isEqualTo(TaskOutcome.values().length);
    }

    @Test
    void manyTasksAreCompletedAtOnceEachWithItsOutcomeOnTimeOrLateAndADoneOneStaysAsItWas() {
        long ls = caseOf("LS"), ww = caseOf("WW");
        LocalDate today = clock.today();
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "SMS", "M2/sms", today.minusDays(1)), draft(ls, "AGENT_CALL", "M2/call", today),
                draft(ww, "SMS", "M7/sms", today)).iterator());
        long lateSms = idOf(ls, "M2/sms"), call = idOf(ls, "M2/call"), wwSms = idOf(ww, "M7/sms");
        tasks.complete(wwSms, TaskOutcome.OTHER, "已人工处理", "agent");

        List<Long> done = tasks.completeAll(List.of(new Tasks.Completion(lateSms, TaskOutcome.MESSAGE_SENT, "message 7"),
                new Tasks.Completion(call, TaskOutcome.PROMISE_TO_PAY, null), new Tasks.Completion(wwSms, TaskOutcome.MESSAGE_SENT, "message 8")), "strategy");

        assertThat(done).containsExactly(lateSms, call);
        Task sms = tasks.find(lateSms);
        assertThat(sms.status()).isEqualTo(TaskStatus.DONE);
        assertThat(sms.outcome()).isEqualTo("MESSAGE_SENT");
        assertThat(sms.outcomeNote()).isEqualTo("message 7");
        assertThat(sms.completedBy()).isEqualTo("strategy");
        assertThat(sms.onTime()).as("due yesterday").isFalse();
        assertThat(tasks.find(call).onTime()).isTrue();
        assertThat(flow.flowOf(ls).stage()).as("a promise opens negotiation, as one by one").isEqualTo(CaseStage.NEGOTIATION);
        assertThat(tasks.find(wwSms).outcome()).as("already done: untouched").isEqualTo("OTHER");
        assertThat(tasks.find(wwSms).completedBy()).isEqualTo("agent");
    }

    @Test
    void manyTasksAreCancelledAtOnceEachWithItsReason() {
        long ls = caseOf("LS"), ww = caseOf("WW");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "EMAIL", "M2/email", clock.today()), draft(ww, "SMS", "M7/sms", clock.today())).iterator());

        List<Long> cancelled = tasks.cancelAll(List.of(new Tasks.Cancellation(idOf(ls, "M2/email"), "NO_CONTACT_FOR_CHANNEL"),
                new Tasks.Cancellation(idOf(ww, "M7/sms"), "CONTACT_HOLD")), "strategy");

        assertThat(cancelled).hasSize(2);
        assertThat(tasks.find(idOf(ls, "M2/email")).cancelReason()).isEqualTo("NO_CONTACT_FOR_CHANNEL");
        assertThat(tasks.find(idOf(ww, "M7/sms")).cancelReason()).isEqualTo("CONTACT_HOLD");
        assertThat(tasks.find(idOf(ww, "M7/sms")).status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(tasks.cancelAll(List.of(new Tasks.Cancellation(idOf(ls, "M2/email"), "again")), "strategy")).as("no longer open").isEmpty();
        assertThat(tasks.find(idOf(ls, "M2/email")).cancelReason()).isEqualTo("NO_CONTACT_FOR_CHANNEL");
    }

    @Test
    void aDoneTasksOutcomeIsRevisedOnlyFromTheOutcomeExpectedAndTheNoteKeepsWhatItSaid() {
        long ls = caseOf("LS");
        tasks.createDue(runId, FIRST_RUN, List.of(draft(ls, "SMS", "M2/sms", clock.today()), draft(ls, "SMS", "M2/sms-2", clock.today())).iterator());
        long sent = idOf(ls, "M2/sms"), other = idOf(ls, "M2/sms-2");
        tasks.completeAll(List.of(new Tasks.Completion(sent, TaskOutcome.MESSAGE_SENT, "message 7")), "strategy");
        tasks.complete(other, TaskOutcome.WRONG_NUMBER, null, "agent");

        assertThat(tasks.reviseOutcome(sent, TaskOutcome.MESSAGE_SENT, TaskOutcome.MESSAGE_NOT_DELIVERED, "message 7 BLOCKED", "outbox")).isTrue();
        assertThat(tasks.reviseOutcome(other, TaskOutcome.MESSAGE_SENT, TaskOutcome.MESSAGE_NOT_DELIVERED, "message 9 BLOCKED", "outbox")).isFalse();

        assertThat(tasks.find(sent).outcome()).isEqualTo("MESSAGE_NOT_DELIVERED");
        assertThat(tasks.find(sent).outcomeNote()).isEqualTo("message 7\nmessage 7 BLOCKED (outbox)");
        assertThat(tasks.find(other).outcome()).isEqualTo("WRONG_NUMBER");
        assertThat(tasks.stats(ls).followUps()).as("an undelivered message is no contact; a wrong number was a try").isEqualTo(1);
    }

    long idOf(long caseId, String stepKey) {
        return tasks.ofCase(caseId).stream().filter(t -> t.stepKey().equals(stepKey)).findFirst().orElseThrow().id();
    }

    static TaskDraft draft(long caseId, String type, String stepKey, LocalDate dueOn) {
        return new TaskDraft(caseId, type, stepKey, dueOn, "team-t2", null, "strategy:1");
    }

    long caseOf(String customerRef) {
        return jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id where c.customer_ref = ? order by k.id desc limit 1")
                .param(customerRef).query(Long.class).single();
    }

    long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
