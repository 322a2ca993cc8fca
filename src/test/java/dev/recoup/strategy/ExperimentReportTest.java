package dev.recoup.strategy;

import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

@RecoupIntegrationTest
class ExperimentReportTest {

    @Autowired DailyRunService runs;
    @Autowired StrategyCatalogue catalogue;
    @Autowired Experiments experiments;
    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired dev.recoup.agreements.Promises promises;
    @Autowired dev.recoup.shared.BusinessClock clock;
    PortfolioFixture portfolio;
    Experiment experiment;

    @BeforeEach
    void anExperimentWithThreeCases() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        portfolio = new PortfolioFixture(jdbc);
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000)
                .customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500)
                .customer("MM").account("MM-1", "MM", "2026-02-01", 6, 1000);
        StrategyVersion champion = catalogue.create("test", "测试", TestStrategies.twoSegments("dpd > 30"), null, "manager");
        catalogue.activate("test", 1, "manager", null);
        StrategyVersion challenger = catalogue.addVersion("test", TestStrategies.twoSegments("dpd > 5"), null, "manager");
        experiment = experiments.start("快慢对比", 1L, List.of(new Experiments.ArmRequest("A", champion.id(), 50),
                new Experiments.ArmRequest("B", challenger.id(), 50)), "manager");
        runs.runToCompletion(LocalDate.parse("2026-02-11"), "test");
        // Whatever the hash drew, put 李四 and 马明 in A and 王五 in B (the stored arm is what counts).
        jdbc.sql("""
                update case_experiment_arm e set arm = case when cu.customer_ref = 'WW' then 'B' else 'A' end
                from collection_case c join customer cu on cu.id = c.customer_id where c.id = e.case_id""").update();
    }

    @Test
    void theRecoveryRatePerArmMatchesThePaymentsComputedByHand() {
        // After entry (11 Feb): 李四 pays 1,000 yuan on 15 Feb; 王五 pays 300 on 20 Feb; 王五's 200 on 11 Feb itself does not count.
        portfolio.payment("LS-1", "2026-02-15", 1000).payment("WW-1", "2026-02-20", 300).payment("WW-1", "2026-02-11", 200);

        ExperimentReport report = experiments.report(experiment.id());

        ExperimentReport.ArmResult a = report.arms().get(0), b = report.arms().get(1);
        // Overdue at entry: 李四 one instalment of 2,000; 马明 one of 1,000; 王五 seven of 500 (Aug–Feb).
        assertThat(a.arm()).isEqualTo("A");
        assertThat(a.cases()).isEqualTo(2);
        assertThat(a.overdueAtEntryMinor()).isEqualTo(3000_00);
        assertThat(a.recoveredMinor()).isEqualTo(1000_00);
        assertThat(a.recoveryRate()).isCloseTo(1000.0 / 3000.0, within(1e-12));
        assertThat(b.cases()).isEqualTo(1);
        assertThat(b.overdueAtEntryMinor()).isEqualTo(3500_00);
        assertThat(b.recoveredMinor()).isEqualTo(300_00);
        assertThat(b.recoveryRate()).isCloseTo(300.0 / 3500.0, within(1e-12));
        assertThat(a.promisesMade()).isZero();
        assertThat(report.comparisons()).singleElement().satisfies(c -> {
            assertThat(c.baselineArm()).isEqualTo("A");
            assertThat(c.arm()).isEqualTo("B");
            assertThat(c.difference()).isCloseTo(300.0 / 3500.0 - 1000.0 / 3000.0, within(1e-12));
            // B has a single case: no interval.
            assertThat(c.lower95()).isNull();
        });
        assertThat(report.notes()).anyMatch(n -> n.contains("Promises")).anyMatch(n -> n.contains("contact"));
        assertThat(report.method()).contains("delta method").contains("1.96");
    }

    @Test
    void theIntervalComesFromThePerCaseRecoveriesOfBothArms() {
        jdbc.sql("update case_experiment_arm set arm = 'B' where case_id = (select c.id from collection_case c join customer cu"
                + " on cu.id = c.customer_id where cu.customer_ref = 'MM')").update();
        portfolio.payment("LS-1", "2026-02-15", 1000).payment("WW-1", "2026-02-20", 300).payment("MM-1", "2026-02-25", 400);

        ExperimentReport report = experiments.report(experiment.id());

        // A: 李四 alone (one case); B: 王五 (3,500 → 300) and 马明 (1,000 → 400).
        assertThat(report.arms().get(1).recoveryRate()).isCloseTo(700.0 / 4500.0, within(1e-12));
        double r = 700.0 / 4500.0, d1 = 300 - r * 3500, d2 = 400 - r * 1000;
        double variance = (d1 * d1 + d2 * d2) / 1 / (2 * 2250.0 * 2250.0);
        assertThat(report.arms().get(1).recoveryRateStandardError()).isCloseTo(Math.sqrt(variance), within(1e-9));
        assertThat(report.arms().get(0).recoveryRateStandardError()).isNull();
    }

    @Test
    void contactsMadeCountTheArmsCompletedContactTasks() {
        long ls = jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = 'LS'")
                .query(Long.class).single();
        jdbc.sql("update task set status = 'DONE', on_time = true, outcome = 'MESSAGE_SENT', closed_on = '2026-02-11'"
                + " where case_id = ? and type = 'SMS'").param(ls).update();

        ExperimentReport report = experiments.report(experiment.id());

        assertThat(report.arms().get(0).contactsMade()).isEqualTo(1);
        assertThat(report.arms().get(1).contactsMade()).isZero();
    }

    @Test
    void promisesMadeAndKeptCountThePromisesRecordedOnTheArmsCases() {
        LocalDate today = clock.today();
        // 李四 (A) has paid today already: his promise for today is kept when recorded. 马明 (A) promises for later;
        // 王五 (B) promises and cancels it.
        portfolio.payment("LS-1", today.toString(), 500);
        promises.record(caseOf("LS"), new dev.recoup.agreements.NewPromise(today, 500_00L, "PHONE", null, null, null), "agent");
        promises.record(caseOf("MM"), new dev.recoup.agreements.NewPromise(today.plusDays(2), 300_00L, "PHONE", null, null, null), "agent");
        var cancelled = promises.record(caseOf("WW"), new dev.recoup.agreements.NewPromise(today.plusDays(2), 300_00L, "SMS", null, null, null), "agent");
        promises.cancel(cancelled.id(), "客户改主意", "agent");

        ExperimentReport report = experiments.report(experiment.id());

        assertThat(report.arms().get(0).promisesMade()).isEqualTo(2);
        assertThat(report.arms().get(0).promisesKept()).isEqualTo(1);
        assertThat(report.arms().get(1).promisesMade()).isZero();
        assertThat(report.notes()).noneMatch(n -> n.contains("Promises made and kept are 0"));
    }

    private long caseOf(String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ?")
                .param(customerRef).query(Long.class).single();
    }
}
