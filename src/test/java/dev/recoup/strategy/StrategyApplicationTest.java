package dev.recoup.strategy;

import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.persistence.HoldStore;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.strategy.domain.ArmAssignment;
import dev.recoup.strategy.domain.StepType;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@RecoupIntegrationTest
class StrategyApplicationTest {

    @Autowired DailyRunService runs;
    @Autowired StrategyCatalogue catalogue;
    @Autowired Experiments experiments;
    @Autowired JdbcClient jdbc;
    @Autowired HoldStore holds;
    @Autowired MessageTemplates templates;
    PortfolioFixture portfolio;

    @BeforeEach
    void portfolio() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        portfolio = new PortfolioFixture(jdbc);
        // 李四 paid the first instalment only: 1 day late on 11 Feb, 31 days on 13 Mar.
        // 王五 never paid since August 2025: always long overdue. 马明 never paid from 1 Feb. 张三 pays on time.
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        portfolio.customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500);
        portfolio.customer("MM").account("MM-1", "MM", "2026-02-01", 6, 1000);
        portfolio.customer("ZS").account("ZS-1", "ZS", "2026-01-15", 6, 1000)
                .payment("ZS-1", "2026-01-15", 1000).payment("ZS-1", "2026-02-15", 1000).payment("ZS-1", "2026-03-15", 1000);
    }

    StrategyVersion activeTwoSegments(String lateCondition) {
        StrategyVersion v = catalogue.create("test", "测试", TestStrategies.twoSegments(lateCondition), null, "manager");
        catalogue.activate("test", v.version(), "manager", null);
        return v;
    }

    void run(String date) {
        assertThat(runs.runToCompletion(LocalDate.parse(date), "test").status()).isEqualTo("COMPLETED");
    }

    Map<String, Object> segmentOf(String customerRef) {
        return jdbc.sql("""
                select g.segment_code, g.queue, g.entered_on::text as entered_on, g.evaluated_on::text as evaluated_on, g.strategy_version_id,
                       g.experiment_arm
                from case_segment g join collection_case c on c.id = g.case_id join customer cu on cu.id = c.customer_id
                where cu.customer_ref = ?""").param(customerRef).query().singleRow();
    }

    long caseOf(String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ? and c.status = 'OPEN'")
                .param(customerRef).query(Long.class).single();
    }

    @Test
    void everyOpenCaseGetsTheFirstSegmentWhoseConditionHolds() {
        StrategyVersion v1 = activeTwoSegments("dpd > 30");

        run("2026-02-11");

        assertThat(segmentOf("WW")).containsEntry("segment_code", "late").containsEntry("queue", "phone-t2")
                .containsEntry("entered_on", "2026-02-11").containsEntry("strategy_version_id", v1.id()).containsEntry("experiment_arm", null);
        assertThat(segmentOf("LS")).containsEntry("segment_code", "early").containsEntry("queue", "robot-sms");
        assertThat(segmentOf("MM")).containsEntry("segment_code", "early");
        assertThat(jdbc.sql("select count(*) from case_segment").query(Long.class).single())
                .isEqualTo(jdbc.sql("select count(*) from collection_case where status = 'OPEN'").query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select step from daily_run_step where run_id = (select max(id) from daily_run) order by position").query(String.class).list())
                .containsSubsequence("synchronise-cases", "apply-strategy", "summarise");
    }

    @Test
    void activationSwitchesWhatTheDailyRunApplies() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        assertThat(segmentOf("WW")).containsEntry("segment_code", "late");

        StrategyVersion v2 = catalogue.addVersion("test", TestStrategies.twoSegments("dpd > 1000"), "nobody is late enough", "manager");
        run("2026-02-12");
        assertThat(segmentOf("WW")).as("a saved but not activated version changes nothing").containsEntry("segment_code", "late");

        catalogue.activate("test", v2.version(), "manager", null);
        run("2026-02-13");
        assertThat(segmentOf("WW")).containsEntry("segment_code", "early").containsEntry("strategy_version_id", v2.id())
                .containsEntry("entered_on", "2026-02-13");
    }

    @Test
    void aCaseChangingSegmentEntersItThatDayAndTheMoveIsRecorded() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        run("2026-02-20");
        assertThat(segmentOf("LS")).as("still early: entered on the first day").containsEntry("segment_code", "early")
                .containsEntry("entered_on", "2026-02-11").containsEntry("evaluated_on", "2026-02-20");

        run("2026-03-13");

        assertThat(segmentOf("LS")).containsEntry("segment_code", "late").containsEntry("entered_on", "2026-03-13");
        assertThat(jdbc.sql("""
                        select business_date::text || ' ' || coalesce(from_segment, '-') || '→' || to_segment from case_segment_change
                        where case_id = ? order by business_date""").param(caseOf("LS")).query(String.class).list())
                .containsExactly("2026-02-11 -→early", "2026-03-13 early→late");
    }

    @Test
    void reRunningADateGivesTheSameSegments() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        run("2026-03-13");
        String published = "select case_id, strategy_version_id, experiment_arm, segment_code, queue, entered_on, evaluated_on,"
                + " prior_segment_code, prior_entered_on, prior_evaluated_on from case_segment order by case_id";
        var first = jdbc.sql(published).query().listOfRows();
        var moves = jdbc.sql("select * from case_segment_change order by case_id, business_date").query().listOfRows();

        run("2026-03-13");

        assertThat(jdbc.sql(published).query().listOfRows()).isEqualTo(first);
        assertThat(jdbc.sql("select case_id, business_date, from_segment, to_segment, strategy_version_id from case_segment_change"
                + " order by case_id, business_date").query().listOfRows())
                .isEqualTo(moves.stream().map(m -> { m.remove("run_id"); return m; }).toList());
        assertThat(segmentOf("LS")).containsEntry("segment_code", "late").containsEntry("entered_on", "2026-03-13");
    }

    @Test
    void aClosedCaseLeavesThePublishedSegments() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        long mm = caseOf("MM");
        portfolio.payment("MM-1", "2026-02-12", 1000);

        run("2026-02-13");

        assertThat(jdbc.sql("select count(*) from case_segment where case_id = ?").param(mm).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_segment").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aCaseInAnExperimentKeepsItsArmOnLaterDays() {
        StrategyVersion champion = activeTwoSegments("dpd > 30");
        StrategyVersion challenger = catalogue.addVersion("test", TestStrategies.twoSegments("dpd > 5"), "challenger", "manager");
        Experiment experiment = experiments.start("快慢对比", 42L, List.of(new Experiments.ArmRequest("A", champion.id(), 50),
                new Experiments.ArmRequest("B", challenger.id(), 50)), "manager");
        run("2026-02-11");

        ArmAssignment assignment = new ArmAssignment(42, List.of(new ArmAssignment.Arm("A", 50), new ArmAssignment.Arm("B", 50)));
        for (String customer : List.of("LS", "WW", "MM")) {
            long caseId = caseOf(customer);
            String arm = assignment.armOf(caseId);
            assertThat(jdbc.sql("select arm from case_experiment_arm where case_id = ? and experiment_id = ?").params(caseId, experiment.id())
                    .query(String.class).single()).isEqualTo(arm);
            assertThat(segmentOf(customer)).containsEntry("experiment_arm", arm)
                    .containsEntry("strategy_version_id", arm.equals("A") ? champion.id() : challenger.id());
        }
        var entries = jdbc.sql("select case_id, arm, entered_on, overdue_at_entry from case_experiment_arm order by case_id").query().listOfRows();

        // The stored arm decides on later days, not a new draw: move 马明 to the other arm by hand and he stays there.
        long mm = caseOf("MM");
        String other = assignment.armOf(mm).equals("A") ? "B" : "A";
        jdbc.sql("update case_experiment_arm set arm = ? where case_id = ?").params(other, mm).update();
        run("2026-02-12");
        run("2026-02-13");

        assertThat(segmentOf("MM")).containsEntry("experiment_arm", other)
                .containsEntry("strategy_version_id", other.equals("A") ? champion.id() : challenger.id());
        assertThat(jdbc.sql("select case_id, arm, entered_on, overdue_at_entry from case_experiment_arm order by case_id").query().listOfRows())
                .isEqualTo(entries.stream().map(e -> e.get("case_id").equals(mm) ? withArm(e, other) : e).toList());
        // 马明 is 10 days late: late under the challenger (dpd > 5), early under the champion.
        assertThat(segmentOf("MM")).containsEntry("segment_code", other.equals("B") ? "late" : "early");
    }

    @Test
    void afterTheExperimentStopsEveryCaseIsTreatedByTheActiveVersionAgain() {
        StrategyVersion champion = activeTwoSegments("dpd > 30");
        StrategyVersion challenger = catalogue.addVersion("test", TestStrategies.twoSegments("dpd > 5"), "challenger", "manager");
        Experiment experiment = experiments.start("x", 7L, List.of(new Experiments.ArmRequest("A", champion.id(), 10),
                new Experiments.ArmRequest("B", challenger.id(), 90)), "manager");
        run("2026-02-11");
        experiments.stop(experiment.id());

        run("2026-02-12");

        assertThat(jdbc.sql("select distinct strategy_version_id from case_segment").query(Long.class).list()).containsExactly(champion.id());
        assertThat(jdbc.sql("select count(*) from case_segment where experiment_arm is not null").query(Long.class).single()).isZero();
    }

    List<String> tasksOf(String customerRef) {
        return jdbc.sql("""
                        select t.step_key || ' ' || t.due_on || ' ' || t.type || ' ' || t.queue || ' ' || t.status from task t
                        join collection_case c on c.id = t.case_id join customer cu on cu.id = c.customer_id
                        where cu.customer_ref = ? and t.source like 'strategy:%' order by t.due_on, t.step_key""").param(customerRef).query(String.class).list();
    }

    @Test
    void theTreatmentPathsStepsBecomeTasksDueOnTheirDayOfTheStage() {
        StrategyVersion v1 = activeTwoSegments("dpd > 30");
        run("2026-02-11");
        run("2026-02-17");

        // 王五 entered "late" on 11 Feb: a call every 3 days (then the latest occurrence, day 6 = 17 Feb), the letter on
        // day 5 (16 Feb: no run that day, so created the next run, once, with its own due date).
        assertThat(tasksOf("WW")).containsExactly("late/call 2026-02-11 AGENT_CALL phone-t2 OPEN", "late/letter 2026-02-16 LETTER phone-t2 OPEN",
                "late/call 2026-02-17 AGENT_CALL phone-t2 OPEN");
        // 马明 entered "early": the SMS on day 0, the robot call (its own queue) on day 2.
        assertThat(tasksOf("MM")).containsExactly("early/sms 2026-02-11 SMS robot-sms OPEN", "early/robot 2026-02-13 ROBOT_CALL robot OPEN");
        assertThat(jdbc.sql("select distinct source from task where type <> 'ESCALATION'").query(String.class).list())
                .containsExactly("strategy:" + v1.id());
        assertThat(jdbc.sql("select template from task where step_key = 'early/sms' limit 1").query(String.class).single()).isEqualTo("sms.reminder");
    }

    @Test
    void aCaseWhoseContactIsOnHoldGetsNoContactTasksButItsOtherWorkGoesOn() {
        StrategyVersion v = catalogue.create("held", "暂停测试", new StrategyDefinition("暂停测试", "contact and legal steps", List.of(
                new StrategyDefinition.Segment("all", "全部", "All", "true", "phone-t2", List.of(
                        new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, 0, null, null, null, null),
                        new StrategyDefinition.Step("legal", StepType.REFER_TO_LEGAL, 0, 0, null, "legal", null, null))))), null, "manager");
        catalogue.activate("held", v.version(), "manager", null);
        long wangWu = jdbc.sql("select id from customer where customer_ref = 'WW'").query(Long.class).single();
        holds.place(new HoldStore.NewHold(HoldStore.Level.CUSTOMER, null, wangWu, null, HoldKind.DECEASED, null, null, null, null, null, null,
                "death certificate received"), "compliance");

        run("2026-02-11");

        assertThat(tasksOf("WW")).as("the deceased debtor is not called; the legal referral stays")
                .containsExactly("all/legal 2026-02-11 REFER_TO_LEGAL legal OPEN");
        assertThat(tasksOf("MM")).containsExactly("all/call 2026-02-11 AGENT_CALL phone-t2 OPEN", "all/legal 2026-02-11 REFER_TO_LEGAL legal OPEN");
        assertThat(jdbc.sql("select summary->'strategy'->>'tasksWithheldByHold' from daily_run")
                .query(String.class).single()).isEqualTo("1");
    }

    @Test
    void aCaseChangingSegmentHasItsOpenTasksCancelledAndGetsTheNewSegmentsTasks() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        run("2026-02-13");
        assertThat(tasksOf("LS")).containsExactly("early/sms 2026-02-11 SMS robot-sms OPEN", "early/robot 2026-02-13 ROBOT_CALL robot OPEN");

        run("2026-03-13");

        assertThat(tasksOf("LS")).containsExactly("early/sms 2026-02-11 SMS robot-sms CANCELLED", "early/robot 2026-02-13 ROBOT_CALL robot CANCELLED",
                "late/call 2026-03-13 AGENT_CALL phone-t2 OPEN");
        assertThat(jdbc.sql("select distinct cancel_reason from task where status = 'CANCELLED' and source like 'strategy:%'").query(String.class).list())
                .containsExactly(StrategyApplication.STAGE_CHANGE_REASON);
    }

    @Test
    void reRunningADateCreatesNoTaskTwiceAndKeepsTheNewSegmentsTasksOpen() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        run("2026-02-13");
        run("2026-03-13");
        var tasks = jdbc.sql("select id, case_id, step_key, due_on, status from task order by id").query().listOfRows();

        run("2026-03-13");

        assertThat(jdbc.sql("select id, case_id, step_key, due_on, status from task order by id").query().listOfRows()).isEqualTo(tasks);
        assertThat(tasksOf("LS")).contains("late/call 2026-03-13 AGENT_CALL phone-t2 OPEN");
    }

    @Test
    void aCaseInIntakeThatGetsItsFirstSegmentMovesToClassifiedInItsCaseFlow() {
        activeTwoSegments("dpd > 30");
        run("2026-02-11");
        // A case still in intake without a segment (as before strategies existed).
        long mm = caseOf("MM");
        jdbc.sql("update collection_case set flow_stage = 'INTAKE' where id = ?").param(mm).update();
        jdbc.sql("delete from case_segment where case_id = ?").param(mm).update();

        run("2026-02-12");

        assertThat(jdbc.sql("select flow_stage from collection_case where id = ?").param(mm).query(String.class).single()).isEqualTo("CLASSIFIED");
        assertThat(jdbc.sql("select reason from case_stage_change where case_id = ? order by id desc limit 1").param(mm).query(String.class).single())
                .isEqualTo("segmented");
    }

    @Test
    void aFreshSystemInstallsTheDefaultStrategyAtTheFirstDailyRun() {
        run("2026-02-11");

        StrategyVersion active = catalogue.active().orElseThrow();
        assertThat(active.strategyCode()).isEqualTo(StrategyCatalogue.DEFAULT_CODE);
        assertThat(active.createdBy()).isEqualTo("system");
        assertThat(active.version()).isEqualTo(1);
        assertThat(catalogue.activations(5)).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo("INSTALL"));
        assertThat(jdbc.sql("select count(*) from case_segment where segment_code is not null and strategy_version_id = ?").param(active.id())
                .query(Long.class).single()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from task").query(Long.class).single()).isPositive();
    }

    private static Map<String, Object> withArm(Map<String, Object> row, String arm) {
        var copy = new java.util.LinkedHashMap<>(row);
        copy.put("arm", arm);
        return copy;
    }
}
