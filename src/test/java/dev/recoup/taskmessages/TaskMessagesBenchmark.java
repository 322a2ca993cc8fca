package dev.recoup.taskmessages;

import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import dev.recoup.taskmessages.persistence.MessageTaskStore;

import java.time.LocalDate;
import java.util.List;

/**
 * A rough timing of the task messages job on a first day's worth of message tasks, not a test: named
 * so that {@code mvn verify} skips it, and it asserts nothing about time. Run it with
 * <pre>nice -n 10 ./mvnw -B -q test -Dtest=TaskMessagesBenchmark -Dbench.tasks=300000</pre>
 * It generates in SQL {@code bench.tasks} open cases, each with a customer, one account in a
 * daily-run snapshot, an own contact (a phone for all, an e-mail address for 60%, a few invalid),
 * a relative, and a due SMS task (the first-day reminder) plus an e-mail task on every third case;
 * then runs the job once and prints what it did and how long it took, and the plan of one batch's
 * query with {@code -Dbench.explain=true}.
 */
@RecoupIntegrationTest
class TaskMessagesBenchmark {

    @Autowired TaskMessageDispatcher dispatcher;
    @Autowired MessageTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void sendAFirstDaysMessageTasks() {
        int cases = Integer.getInteger("bench.tasks", 100_000);
        LocalDate day = LocalDate.parse("2026-11-20");
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        long t = System.nanoTime();
        jdbc.sql("select setseed(0.42)").query().singleRow();
        jdbc.sql("insert into customer (customer_ref, name, address) select 'C' || n, '客户' || n, '北京市朝阳区建国路' || n || '号' from generate_series(1, ?) n")
                .param(cases).update();
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                select 'A' || lpad(n::text, 8, '0'), n, (array['consumer_loan', 'credit_card', 'sme_loan', 'secured_loan'])[1 + (n % 4)], 'CNY',
                       1000000, 0.18, date '2025-01-01'
                from generate_series(1, ?) n""").param(cases).update();
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone, email, valid)
                select 'S' || n, n, 'self', '客户' || n, '138' || lpad(n::text, 8, '0'), case when n % 5 < 3 then 'c' || n || '@example.com' end, n % 33 <> 0
                from generate_series(1, ?) n""").param(cases).update();
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone)
                select 'R' || n, n, 'relative', '亲属' || n, '139' || lpad(n::text, 8, '0') from generate_series(1, ?) n""").param(cases).update();
        jdbc.sql("""
                insert into daily_run (business_date, status, triggered_by, finished_at) values (?, 'COMPLETED', 'bench', now())""").param(day).update();
        long runId = jdbc.sql("select max(id) from daily_run").query(Long.class).single();
        jdbc.sql("create table if not exists account_status_r" + runId + " partition of account_status for values in (" + runId + ")").update();
        jdbc.sql("""
                insert into account_status (run_id, business_date, account_id, customer_id, days_past_due, bucket, oldest_unpaid_due_date,
                  overdue_principal, overdue_interest, overdue_fee, overdue_penalty, overdue_total, outstanding, paid, credit, max_days_late_settled,
                  repayments_made)
                select ?, ?, n, n, 1, 'M1', ?::date - 1, 200000, 0, 0, 0, 200000, 1000000, 0, 0, 0, 3 from generate_series(1, ?) n""")
                .params(runId, day, day, cases).update();
        jdbc.sql("create index if not exists account_status_r" + runId + "_customer on account_status_r" + runId + " (customer_id)").update();
        jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                select n, 'OPEN', ?, ?, 'CLASSIFIED', ? from generate_series(1, ?) n order by n""").params(day, runId, day, cases).update();
        jdbc.sql("""
                insert into task (case_id, type, step_key, due_on, due_at, queue, template, source, created_by_run, created_on)
                select n, 'SMS', 'T1-1-5/first-day-sms', ?, now(), 'robot-sms', 'sms.first-day-reminder', 'strategy:1', ?, ? from generate_series(1, ?) n
                union all
                select n, 'EMAIL', 'T1-18-30/risk-warning-email', ?, now(), 'robot-sms', 'email.risk-warning', 'strategy:1', ?, ?
                from generate_series(1, ?) n where n % 3 = 0""").params(day, runId, day, cases, day, runId, day, cases).update();
        for (String table : new String[]{"customer", "account", "contact", "collection_case", "account_status_r" + runId, "task"}) {
            jdbc.sql("analyze " + table).update();
        }
        long tasks = jdbc.sql("select count(*) from task").query(Long.class).single();
        System.out.printf("generated %d cases and %d message tasks in %.1f s%n", cases, tasks, (System.nanoTime() - t) / 1e9);

        if (Boolean.getBoolean("bench.explain")) {
            // The batch's own query, planned for its parameters and as the generic plan a server-prepared statement may switch to.
            List<String> channels = List.of("SMS", "EMAIL"), codes = List.of("sms.first-day-reminder", "email.risk-warning");
            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                transaction.executeWithoutResult(tx -> {
                    jdbc.sql("set local plan_cache_mode = " + mode).update();
                    System.out.println("-- " + mode);
                    jdbc.sql("explain (analyze, buffers) " + MessageTaskStore.DUE).param("channels", channels.toArray(String[]::new))
                            .param("codes", codes.toArray(String[]::new)).param("run", runId).param("today", day).param("after", 0L).param("limit", 1000)
                            .query(String.class).list().forEach(System.out::println);
                });
            }
        }
        long started = System.nanoTime();
        TaskMessageDispatcher.Report report = dispatcher.runOnce(day);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("task messages: %.2f s, %.0f tasks/s  %s%n", seconds, report.tasks() / seconds, report);
        System.out.println("outbox by channel: " + jdbc.sql("select channel, count(*) from outbound_message group by channel order by 1")
                .query((rs, n) -> rs.getString(1) + "=" + rs.getLong(2)).list());
        started = System.nanoTime();
        TaskMessageDispatcher.Report again = dispatcher.runOnce(day);
        System.out.printf("second run: %.2f s  %s%n", (System.nanoTime() - started) / 1e9, again);
    }
}
