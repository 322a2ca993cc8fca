package dev.recoup.dailyrun;

import dev.recoup.dailyrun.persistence.AccountChunkAssessor;
import dev.recoup.dailyrun.persistence.DailyRunLedger;
import dev.recoup.dailyrun.persistence.StatusSnapshots;
import dev.recoup.shared.ConflictException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RecoupIntegrationTest
class DailyRunTest {

    @Autowired DailyRunService runs;
    @Autowired DailyRunLedger ledger;
    @Autowired StatusSnapshots snapshots;
    @Autowired AccountChunkAssessor chunkAssessor;
    @Autowired JdbcClient jdbc;
    PortfolioFixture portfolio;

    @BeforeEach
    void emptyPortfolio() {
        TestDatabase.clean(jdbc);
        portfolio = new PortfolioFixture(jdbc);
        // 张三 pays everything on time; 李四 stopped paying after the first instalment; 王五 never paid;
        // 赵六 has two accounts, one current and one 3 days late.
        portfolio.customer("ZS").account("ZS-1", "ZS", "2026-01-15", 6, 1000)
                .payment("ZS-1", "2026-01-15", 1000).payment("ZS-1", "2026-02-15", 1000).payment("ZS-1", "2026-03-15", 1000);
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        portfolio.customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500);
        portfolio.customer("ZL").account("ZL-1", "ZL", "2026-01-20", 6, 300)
                .payment("ZL-1", "2026-01-20", 300).payment("ZL-1", "2026-02-20", 300)
                .account("ZL-2", "ZL", "2026-03-17", 3, 800);
    }

    @Test
    void aRunWorksOutDaysPastDueBucketsAndTiersAndOpensOneCasePerOverdueCustomer() {
        var run = runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");

        assertThat(run.status()).isEqualTo("COMPLETED");
        assertThat(run.accountsDone()).isEqualTo(5).isEqualTo(run.accountsTotal());
        assertThat(account("ZS-1")).containsEntry("days_past_due", 0).containsEntry("bucket", "M0");
        assertThat(account("LS-1")).containsEntry("days_past_due", 38).containsEntry("bucket", "M2").containsEntry("overdue_total", 4000_00L);
        assertThat(account("WW-1")).containsEntry("days_past_due", 231).containsEntry("bucket", "M7+");
        // 赵六's first account is current; the second is due on 17 March: 3 days past due.
        assertThat(account("ZL-1")).containsEntry("days_past_due", 0);
        assertThat(account("ZL-2")).containsEntry("days_past_due", 3);

        assertThat(customer("ZS")).containsEntry("tier", null).containsEntry("bucket", "M0");
        assertThat(customer("LS")).containsEntry("tier", "T2").containsEntry("worst_days_past_due", 38);
        assertThat(customer("WW")).containsEntry("tier", "T4");
        assertThat(customer("ZL")).containsEntry("tier", "T1").containsEntry("worst_days_past_due", 3).containsEntry("overdue_accounts", 1);

        assertThat(openCaseCustomers()).containsExactlyInAnyOrder("LS", "WW", "ZL");
    }

    @Test
    void runningTheSameDateAgainGivesIdenticalResultsAndNoDuplicates() {
        LocalDate date = LocalDate.parse("2026-03-20");
        var first = runs.runToCompletion(date, "test");
        var accountsFirst = snapshot("account_status", first.id());
        var changesFirst = jdbc.sql("select account_id, from_bucket, to_bucket from account_bucket_change order by 1").query().listOfRows();
        var casesFirst = jdbc.sql("select id, customer_id, status, opened_on from collection_case order by id").query().listOfRows();

        var second = runs.runToCompletion(date, "test");

        assertThat(snapshot("account_status", second.id())).isEqualTo(accountsFirst);
        assertThat(jdbc.sql("select account_id, from_bucket, to_bucket from account_bucket_change order by 1").query().listOfRows()).isEqualTo(changesFirst);
        assertThat(jdbc.sql("select id, customer_id, status, opened_on from collection_case order by id").query().listOfRows()).isEqualTo(casesFirst);
        assertThat(ledger.find(first.id()).orElseThrow().supersededBy()).isEqualTo(second.id());
        assertThat(ledger.current().orElseThrow().id()).isEqualTo(second.id());
        // The superseded run's snapshot is gone.
        assertThat(jdbc.sql("select count(*) from account_status where run_id = ?").param(first.id()).query(Long.class).single()).isZero();
    }

    @Test
    void aCustomerWhoPaysUpIsCuredAndGoingOverdueAgainOpensANewCase() {
        runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");
        long firstCase = openCaseId("LS");

        portfolio.payment("LS-1", "2026-03-25", 4000);
        runs.runToCompletion(LocalDate.parse("2026-03-26"), "test");
        assertThat(jdbc.sql("select status, closed_on::text, close_reason from collection_case where id = ?").param(firstCase).query().singleRow())
                .containsEntry("status", "CLOSED").containsEntry("closed_on", "2026-03-26").containsEntry("close_reason", "CURED");
        assertThat(openCaseCustomers()).doesNotContain("LS");

        // The April instalment goes unpaid.
        runs.runToCompletion(LocalDate.parse("2026-04-12"), "test");
        long secondCase = openCaseId("LS");
        assertThat(secondCase).isNotEqualTo(firstCase);
        assertThat(jdbc.sql("select event from case_event where case_id in (?, ?) order by id").params(firstCase, secondCase).query(String.class).list())
                .containsExactly("OPENED", "CLOSED", "OPENED");
    }

    @Test
    void everyBucketAndTierMoveIsWrittenToTheHistoryWithItsBusinessDate() {
        runs.runToCompletion(LocalDate.parse("2026-02-09"), "test");
        runs.runToCompletion(LocalDate.parse("2026-02-11"), "test");
        runs.runToCompletion(LocalDate.parse("2026-03-13"), "test");

        List<Map<String, Object>> moves = jdbc.sql("""
                select c.business_date::text as date, c.from_bucket, c.to_bucket from account_bucket_change c
                join account a on a.id = c.account_id where a.account_ref = 'LS-1' order by c.business_date""").query().listOfRows();
        assertThat(moves).extracting(m -> m.get("date") + " " + m.get("from_bucket") + "→" + m.get("to_bucket"))
                .containsExactly("2026-02-11 M0→M1", "2026-03-13 M1→M2");
        assertThat(jdbc.sql("""
                select c.from_tier || '→' || c.to_tier from customer_status_change c join customer cu on cu.id = c.customer_id
                where cu.customer_ref = 'LS' and c.business_date = '2026-03-13'""").query(String.class).single()).isEqualTo("T1→T2");
    }

    @Test
    void aRunInterruptedMidwayResumesWhereItStoppedAndGivesTheSameResult() throws Exception {
        LocalDate date = LocalDate.parse("2026-03-20");
        var reference = runs.runToCompletion(date, "test");
        var expected = snapshot("account_status", reference.id());

        // A second run of the date that "crashed" after its first chunk: the ledger says RUNNING,
        // one chunk is committed, nothing else happened.
        long crashed = ledger.create(date, "test", null);
        snapshots.createPartitions(crashed);
        ledger.planChunks(crashed, 3);
        var firstChunk = ledger.pendingChunks(crashed).getFirst();
        chunkAssessor.assess(crashed, date, firstChunk.chunkNo(), firstChunk.firstAccountId(), firstChunk.lastAccountId());
        assertThat(ledger.find(crashed).orElseThrow().accountsDone()).isEqualTo(3);

        assertThat(runs.resumeInterruptedRun()).isEqualTo(crashed);
        var resumed = awaitFinished(crashed);

        assertThat(resumed.status()).isEqualTo("COMPLETED");
        assertThat(resumed.accountsDone()).isEqualTo(5);
        assertThat(snapshot("account_status", crashed)).isEqualTo(expected);
        assertThat(jdbc.sql("select count(*) from collection_case where status = 'OPEN'").query(Long.class).single()).isEqualTo(3);
    }

    @Test
    void aRunForADateBeforeTheLatestCompletedRunIsRefused() {
        runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");
        assertThatThrownBy(() -> runs.runToCompletion(LocalDate.parse("2026-03-19"), "test"))
                .isInstanceOf(ConflictException.class).hasMessageContaining("2026-03-20");
    }

    @Test
    void theRunRecordsATimingForEveryStep() {
        var run = runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");
        assertThat(runs.steps(run.id())).extracting(DailyRunStep::step).containsExactlyElementsOf(DailyRunService.STEPS);
        assertThat(runs.steps(run.id())).allSatisfy(s -> assertThat(s.millis()).isNotNull().isNotNegative());
        assertThat(run.summaryJson()).contains("\"openCases\": 3", "\"overdueCustomers\": 3");
    }

    private DailyRun awaitFinished(long runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            var run = ledger.find(runId).orElseThrow();
            if (!"RUNNING".equals(run.status())) {
                return run;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("run " + runId + " did not finish");
    }

    private Map<String, Object> account(String ref) {
        return jdbc.sql("""
                select s.days_past_due, s.bucket, s.overdue_total from account_status s join account a on a.id = s.account_id
                where s.run_id = (select id from daily_run where status = 'COMPLETED' and superseded_by is null order by business_date desc, id desc limit 1)
                  and a.account_ref = ?""").param(ref).query().singleRow();
    }

    private Map<String, Object> customer(String ref) {
        return jdbc.sql("""
                select s.tier, s.bucket, s.worst_days_past_due, s.overdue_accounts from customer_status s join customer c on c.id = s.customer_id
                where s.run_id = (select id from daily_run where status = 'COMPLETED' and superseded_by is null order by business_date desc, id desc limit 1)
                  and c.customer_ref = ?""").param(ref).query().singleRow();
    }

    private List<String> openCaseCustomers() {
        return jdbc.sql("select c.customer_ref from collection_case k join customer c on c.id = k.customer_id where k.status = 'OPEN'")
                .query(String.class).list();
    }

    private long openCaseId(String customerRef) {
        return jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id where k.status = 'OPEN' and c.customer_ref = ?")
                .param(customerRef).query(Long.class).single();
    }

    private List<Map<String, Object>> snapshot(String table, long runId) {
        return jdbc.sql("select * from " + table + " where run_id = ? order by account_id").param(runId).query().listOfRows().stream()
                .map(row -> {
                    var copy = new java.util.TreeMap<>(row);
                    copy.remove("run_id");
                    return (Map<String, Object>) copy;
                }).toList();
    }
}
