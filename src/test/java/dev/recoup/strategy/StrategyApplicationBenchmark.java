package dev.recoup.strategy;

import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;

/**
 * A rough timing of the daily "apply-strategy" step at 1M-account scale, not a test: named so that
 * {@code mvn verify} skips it, and it asserts nothing about time. Run it with
 * <pre>./mvnw -B -q test -Dtest=StrategyApplicationBenchmark -Dbench.cases=650000</pre>
 * It generates in SQL {@code bench.cases} open cases over 1.25 customers per case, 1.25 accounts
 * per customer, 2.5 contacts per customer and collateral on a tenth of the accounts, plus a
 * customer-status snapshot with DPD spread over 1–400 days, then applies the default strategy on a
 * first day (every case new: all get a segment and their day-0 tasks) and on the next two days,
 * each in its own transaction as in the daily run, and prints the step's own timings.
 */
@RecoupIntegrationTest
class StrategyApplicationBenchmark {

    @Autowired StrategyApplication application;
    @Autowired StrategyCatalogue catalogue;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void applyTheDefaultStrategyAtDailyRunScale() {
        int cases = Integer.getInteger("bench.cases", 650_000);
        int customers = cases * 5 / 4, accounts = customers * 5 / 4;
        TestDatabase.clean(jdbc);
        long t = System.nanoTime();
        jdbc.sql("select setseed(0.42)").query().singleRow();
        jdbc.sql("""
                insert into customer (customer_ref, name, birth_date, occupation, region_code)
                select 'C' || n, '客户' || n, date '1960-01-01' + (random() * 15000)::int,
                       (array['公司职员', '个体经营', '教师', '司机', '自由职业'])[1 + (n % 5)], '110105'
                from generate_series(1, ?) n""").param(customers).update();
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                select 'A' || n, 1 + (n % ?), (array['consumer_loan', 'credit_card', 'sme_loan', 'secured_loan'])[1 + (n % 4)], 'CNY',
                       1000000, 0.18, date '2025-01-01'
                from generate_series(1, ?) n""").params(customers, accounts).update();
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, phone, valid)
                select 'K' || n, 1 + (n % ?), 'self', '1380000' || lpad((n % 10000)::text, 4, '0'), n % 7 <> 0
                from generate_series(1, ?) n""").params(customers, customers * 5 / 2).update();
        jdbc.sql("""
                insert into collateral (collateral_ref, account_id, type, appraised_value)
                select 'K' || id, id, (array['real_estate', 'vehicle', 'equity', 'receivable', 'other'])[1 + (id % 5)], 50000000
                from account where id % 10 = 0""").update();
        jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                select id, 'OPEN', date '2026-11-01', 1, 'CLASSIFIED', date '2026-11-01' from customer where id <= ? order by id""")
                .param(cases).update();
        jdbc.sql("create table if not exists customer_status_bench partition of customer_status for values in (1)").update();
        jdbc.sql("""
                insert into customer_status (run_id, business_date, customer_id, worst_days_past_due, bucket, tier, overdue_total, outstanding,
                                             accounts, overdue_accounts, good_history, repayment_trend, repayment_variation_bp)
                select 1, date '2026-11-20', id, d, case when d > 180 then 'M7+' else 'M' || ((d + 29) / 30) end,
                       case when d <= 30 then 'T1' when d <= 90 then 'T2' when d <= 180 then 'T3' else 'T4' end,
                       (random() * 10000000)::bigint, 20000000, 1, 1, false, 'STEADY', 500
                from (select id, 1 + (random() * 399)::int as d from customer where id <= ?) c""").param(cases).update();
        for (String table : new String[]{"customer", "account", "contact", "collateral", "collection_case", "customer_status_bench"}) {
            jdbc.sql("analyze " + table).update();
        }
        System.out.printf("generated %d cases in %.1f s%n", cases, (System.nanoTime() - t) / 1e9);

        catalogue.compiled(catalogue.ensureActive());
        if (Boolean.getBoolean("bench.explain")) {
            transaction.executeWithoutResult(tx -> {
                jdbc.sql("set local work_mem = '256MB'").update();
                jdbc.sql("explain (analyze, timing off) " + dev.recoup.strategy.persistence.OpenCaseReader.select(1, LocalDate.parse("2026-11-20"), null))
                        .query(String.class).list().forEach(System.out::println);
            });
        }
        LocalDate last = LocalDate.parse("2026-11-20").plusDays(Integer.getInteger("bench.days", 3) - 1);
        for (LocalDate day = LocalDate.parse("2026-11-20"); !day.isAfter(last); day = day.plusDays(1)) {
            LocalDate date = day;
            long started = System.nanoTime();
            StrategyApplication.Result result = transaction.execute(tx -> application.apply(1, date));
            System.out.printf("%s: %.2f s  %s%n", date, (System.nanoTime() - started) / 1e9, result);
        }
        // -Dbench.pause-seconds=N keeps the database up afterwards, to look at the data with psql.
        try {
            Thread.sleep(Integer.getInteger("bench.pause-seconds", 0) * 1000L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
