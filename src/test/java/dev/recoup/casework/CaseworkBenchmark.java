package dev.recoup.casework;

import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/**
 * A rough timing of the casework bulk paths at daily-run scale, not a test: named so that
 * {@code mvn verify} skips it, and it asserts nothing about time. Run it with
 * <pre>./mvnw -B -q test -Dtest=CaseworkBenchmark -Dbench.cases=650000</pre>
 * It puts {@code bench.cases} open cases straight into the database, then times: creating one
 * task per case, offering the same drafts again, advancing every case to ASSIGNED, the daily
 * review when every case is over its limit (one escalation and task each) and the day after
 * (nothing new), cancelling a tenth of the cases' tasks, and closing stale tasks.
 */
@RecoupIntegrationTest
class CaseworkBenchmark {

    @Autowired Tasks tasks;
    @Autowired CaseFlow flow;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void bulkPathsAtDailyRunScale() {
        int cases = Integer.getInteger("bench.cases", 650_000);
        LocalDate day = LocalDate.parse("2026-11-20");
        TestDatabase.clean(jdbc);
        jdbc.sql("insert into customer (customer_ref, name) select 'C' || n, '客户' || n from generate_series(1, ?) n").param(cases).update();
        jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                select id, 'OPEN', cast(? as date), 1, 'CLASSIFIED', cast(? as date) from customer order by id""").params(day, day).update();
        jdbc.sql("analyze customer").update();
        jdbc.sql("analyze collection_case").update();
        long[] ids = jdbc.sql("select id from collection_case order by id").query(Long.class).list().stream().mapToLong(Long::longValue).toArray();

        time("createDue, " + cases + " new drafts", () -> tasks.createDue(1, day, drafts(ids, day)));
        time("createDue, the same drafts again", () -> tasks.createDue(1, day, drafts(ids, day)));
        time("advanceByRule, every case to ASSIGNED", () -> flow.advanceByRule(ids, CaseStage.ASSIGNED, day, "ALLOCATED"));
        time("dailyReview, every case over its limit", () -> flow.dailyReview(2, day.plusDays(4)));
        time("dailyReview, the day after (nothing new)", () -> flow.dailyReview(3, day.plusDays(5)));
        time("dailyReview, the same day again", () -> flow.dailyReview(3, day.plusDays(5)));
        long[] tenth = LongStream.of(ids).filter(id -> id % 10 == 0).toArray();
        time("cancelForStageChange, a tenth of the cases", () -> tasks.cancelForStageChange(tenth, day.plusDays(5), "SEGMENT_CHANGED"));
        time("closeStaleTasks, nothing stale", () -> tasks.closeStaleTasks(3, day.plusDays(5)));
        time("closeStaleTasks, the day's tasks expire", () -> tasks.closeStaleTasks(4, day.plusDays(9)));
        time("closeStaleTasks, escalation tasks expire", () -> tasks.closeStaleTasks(4, day.plusDays(13)));
        // Stage moves should be HOT updates (no new index entries): see the fillfactor in V5.
        System.out.println("collection_case updates, of which HOT: " + jdbc.sql(
                "select n_tup_upd || ', ' || n_tup_hot_upd from pg_stat_user_tables where relname = 'collection_case'").query(String.class).single());
        System.out.printf("open tasks left %d, escalations %d%n", jdbc.sql("select count(*) from task where status = 'OPEN'").query(Long.class).single(),
                jdbc.sql("select count(*) from case_escalation").query(Long.class).single());
    }

    private void time(String what, Supplier<Object> work) {
        long t = System.nanoTime();
        Object result = transaction.execute(tx -> work.get());
        System.out.printf("%-50s %8.2f s  -> %s%n", what, (System.nanoTime() - t) / 1e9, result);
    }

    private static Iterator<TaskDraft> drafts(long[] ids, LocalDate day) {
        return LongStream.of(ids).mapToObj(id -> new TaskDraft(id, "AGENT_CALL", "T2-M2/agent-call", day, "team-t2", "call-script-2", "strategy:1"))
                .iterator();
    }
}
