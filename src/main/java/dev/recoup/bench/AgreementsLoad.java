package dev.recoup.bench;

import javax.sql.DataSource;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts promises and instalment plans on a benchmark portfolio between the two daily runs, so the
 * next day's "agreements" step has a realistic amount of work: open promises on {@code promisePercent}
 * % of the open cases, promised from six days before to six days after the next business date
 * (about a third past their grace days, a sixth due for reminders), half of them with a payment
 * since; active six-instalment plans on {@code planPercent} %, started up to two months before.
 * Written in a few set-based statements, as the bench writes nothing row by row.
 */
final class AgreementsLoad {

    private AgreementsLoad() {
    }

    /** EXPLAIN ANALYZE of a daily-step statement as of {@code day}, rolled back: prints the plan, returns its execution time (ms). */
    private static double explain(Connection c, String statement, LocalDate day) throws Exception {
        String sql = statement.replace(":today", "date '" + day + "'").replace(":by", "'DAILY_RUN'");
        double millis = -1;
        try (var s = c.createStatement(); var rs = s.executeQuery("explain (analyze, buffers, costs off) " + sql)) {
            while (rs.next()) {
                String line = rs.getString(1);
                System.err.println(line);
                if (line.startsWith("Execution Time: ")) {
                    millis = Double.parseDouble(line.substring("Execution Time: ".length()).replace(" ms", ""));
                }
            }
        } finally {
            c.rollback();
        }
        return millis;
    }

    static Map<String, Object> seed(DataSource dataSource, LocalDate asOf, int promisePercent, int planPercent) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        long t = System.nanoTime();
        try (Connection c = dataSource.getConnection(); var s = c.createStatement()) {
            c.setAutoCommit(false);
            int promises = s.executeUpdate("""
                    insert into promise (case_id, customer_id, promised_on, amount, required_amount, grace_ends_on, channel, recorded_on, recorded_at,
                                         recorded_by, note)
                    select c.id, c.customer_id, d.promised_on, greatest(s.overdue_total / 2, 100), greatest(s.overdue_total / 2, 100) * 95 / 100,
                           d.promised_on + 3, 'PHONE', least(d.promised_on, date '%1$s') - 2, now(), 'bench', null
                    from collection_case c
                    join customer_status s on s.customer_id = c.customer_id
                         and s.run_id = (select id from daily_run where status = 'COMPLETED' order by id desc limit 1)
                    cross join lateral (select date '%1$s' + 1 + (c.id %% 13)::int - 6 as promised_on) d
                    where c.status = 'OPEN' and c.id %% 100 < %2$d""".formatted(asOf, promisePercent));
            s.executeUpdate("""
                    insert into promise_account (promise_id, account_id)
                    select p.id, a.id from promise p join account a on a.customer_id = p.customer_id""");
            // Half of the promised customers paid something since (on their first account): kept, or partly.
            int payments = s.executeUpdate("""
                    insert into payment (payment_ref, account_id, paid_on, amount, channel)
                    select 'BENCH-PTP-' || p.id, (select min(pa.account_id) from promise_account pa where pa.promise_id = p.id),
                           least(p.promised_on, date '%1$s'), case when p.id %% 4 = 0 then p.amount else p.amount / 3 + 1 end, 'bench'
                    from promise p where p.id %% 2 = 0""".formatted(asOf));
            int plans = s.executeUpdate("""
                    insert into plan (case_id, customer_id, total, instalments, first_payment, frequency, start_on, max_instalments, min_first_percent,
                                      grace_days, break_after_missed, monthly_income, monthly_expenses, affordability, affordability_code, status,
                                      created_on, created_at, created_by, activated_on, oldest_unpaid_due_on)
                    select c.id, c.customer_id, greatest(s.overdue_total, 600), 6, greatest(s.overdue_total, 600) / 6
                             + greatest(s.overdue_total, 600) %% 6, 'MONTHLY', date '%1$s' - (c.id %% 60)::int, 12, 20, 3, 2, 1000000, 500000,
                           'OK', 'WITHIN_SHARE', 'ACTIVE', date '%1$s' - (c.id %% 60)::int - 1, now(), 'bench',
                           date '%1$s' - (c.id %% 60)::int - 1, date '%1$s' - (c.id %% 60)::int
                    from collection_case c
                    join customer_status s on s.customer_id = c.customer_id
                         and s.run_id = (select id from daily_run where status = 'COMPLETED' order by id desc limit 1)
                    where c.status = 'OPEN' and c.id %% 100 >= 50 and c.id %% 100 < 50 + %2$d""".formatted(asOf, planPercent));
            s.executeUpdate("""
                    insert into plan_instalment (plan_id, seq, due_on, amount)
                    select p.id, k, p.start_on + make_interval(months => k - 1), case when k = 1 then p.first_payment else p.total / 6 end
                    from plan p cross join generate_series(1, 6) k""");
            c.commit();
            // As in a running installation, where autovacuum has seen these tables grow.
            s.execute("analyze promise, promise_account, plan, plan_instalment, payment");
            try (var rs = s.executeQuery("select count(*) from contact where role = 'self' and phone is not null")) {
                rs.next();
                figures.put("selfContactsWithPhone", rs.getLong(1));
            }
            // The daily step's two statements as of the next day, rolled back: their time here, their plans on standard error.
            figures.put("judgePromisesExplainMillis", explain(c, dev.recoup.agreements.AgreementStatements.judgeAllPromises(), asOf.plusDays(1)));
            figures.put("trackPlansExplainMillis", explain(c, dev.recoup.agreements.AgreementStatements.trackAllPlans(), asOf.plusDays(1)));
            figures.put("promises", promises);
            figures.put("promisePayments", payments);
            figures.put("plans", plans);
        }
        figures.put("seedSeconds", Math.round((System.nanoTime() - t) / 1e7) / 100.0);
        return figures;
    }
}
