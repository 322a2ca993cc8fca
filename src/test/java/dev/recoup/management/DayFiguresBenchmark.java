package dev.recoup.management;

import dev.recoup.management.persistence.DayFigures;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Today's dashboard over a large book: {@code bench.cases} open cases (650,000 by default, the open
 * cases of 1M accounts) held by 300 agents in 15 teams, {@code bench.days} days (30) of contact ledger
 * at {@code bench.attempts-per-day} (140,000: 4.2M rows), 3,000 promises and 20,000 payments a day.
 * Times {@link DayFigures#byAgent} for the last day and prints each statement's plan. Not a test
 * (named so that {@code mvn verify} skips it). Run it with
 * <pre>nice -n 10 ./mvnw -B -q test -Dtest=DayFiguresBenchmark -Dbench.cases=650000</pre>
 */
@RecoupIntegrationTest
class DayFiguresBenchmark {

    @Autowired JdbcClient jdbc;
    @Autowired DayFigures figures;
    @Autowired BusinessClock clock;

    @Test
    void todaysFiguresOverALargeBook() {
        int cases = Integer.getInteger("bench.cases", 650_000);
        int days = Integer.getInteger("bench.days", 30);
        int perDay = Integer.getInteger("bench.attempts-per-day", 140_000);
        LocalDate today = clock.today();
        LocalDate first = today.minusDays(days - 1);
        TestDatabase.clean(jdbc);
        long t = System.nanoTime();
        jdbc.sql("""
                insert into team (code, name_zh, name_en, kind, queues)
                select 'bench-t' || t, '团队' || t, 'Team ' || t, 'PHONE', '{phone-t2}' from generate_series(1, 15) t""").update();
        jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                select 'B' || lpad(g::text, 4, '0'), '坐席' || g, (select id from team where code = 'bench-t' || (1 + g % 15)), 3,
                       date '2020-01-01', 5000, 100000000000
                from generate_series(1, 300) g""").update();
        jdbc.sql("insert into customer (customer_ref, name) select 'BC' || i, '客户' || i from generate_series(1, ?) i").param(cases).update();
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                select 'BA' || id, id, 'consumer_loan', 'CNY', 1000000, 0.18, date '2025-01-01' from customer""").update();
        jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2025-06-01', 0, date '2025-06-01' from customer""").update();
        jdbc.sql("""
                insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, tier, overdue_at_assignment, expected_recovery,
                                             method, allocation_run_id, assigned_on, review_on)
                select c.id, g.id, g.team_id, 'phone-t2', 'm1-t2', 'T2', 100000 + c.id % 900000, 0, 'SNAKE', 0, ?, ?
                from collection_case c join agent g on g.agent_ref = 'B' || lpad((1 + c.id % 300)::text, 4, '0')""")
                .params(first.minusDays(10), today.plusDays(20)).update();
        jdbc.sql("""
                insert into contact_attempt (case_id, customer_id, contact_id, channel, at, outcome, purpose, made_by, via)
                select c, c, c, case when k % 5 = 0 then 'SMS' else 'AGENT_CALL' end,
                       (d::date + time '08:00' + (k % 720) * interval '1 minute') at time zone 'Asia/Shanghai',
                       case when k % 4 = 0 then 'CONVERSATION_DEBTOR' when k % 4 = 1 then 'NO_ANSWER' else 'BUSY' end,
                       'COLLECTION', 'agent', 'RECORDED'
                from generate_series(?::date, ?::date, interval '1 day') d, generate_series(1, ?) k,
                     lateral (select 1 + ((k * 7919 + extract(doy from d)::int * 104729) % ?) as c) x""")
                .params(first, today, perDay, cases).update();
        jdbc.sql("""
                insert into promise (case_id, customer_id, promised_on, amount, required_amount, grace_ends_on, channel, agent_id, team_id,
                                     recorded_on, recorded_at, recorded_by, status, judged_on)
                select c, c, d::date + 3, 50000, 50000, d::date + 5, 'PHONE', a.agent_id, a.team_id, d::date, d, 'agent',
                       -- one open promise per case at most: only today's are open (distinct cases within a day)
                       case when d::date < ? then 'KEPT' else 'OPEN' end, case when d::date < ? then d::date + 2 end
                from generate_series(?::date, ?::date, interval '1 day') d, generate_series(1, 3000) k,
                     lateral (select 1 + ((k * 31 + extract(doy from d)::int * 3001) % ?) as c) x
                join case_assignment a on a.case_id = x.c and a.ended_on is null""")
                .params(today, today, first, today, cases).update();
        jdbc.sql("""
                insert into payment (payment_ref, account_id, paid_on, amount, channel)
                select 'BP' || d::date || '-' || k, 1 + ((k * 53 + extract(doy from d)::int * 7) % ?), d::date, 30000, 'bank'
                from generate_series(?::date, ?::date, interval '1 day') d, generate_series(1, 20000) k""")
                .params(cases, first, today).update();
        jdbc.sql("analyze").update();
        System.out.printf("book: %d cases, %s ledger rows (%s), %s promises, %s payments; built in %.1f s%n", cases,
                count("contact_attempt"), jdbc.sql("select pg_size_pretty(pg_total_relation_size('contact_attempt'))").query(String.class).single(),
                count("promise"), count("payment"), (System.nanoTime() - t) / 1e9);

        for (int run = 0; run < 6; run++) {
            t = System.nanoTime();
            List<DayFigures.AgentDay> agents = figures.byAgent(today, clock.zone(), null);
            DayFigures.AgentDay total = DayFigures.total(agents);
            System.out.printf("run %d: %d agents, %d contacts, %d RPC, %d promises, %d fen recovered: %.1f ms%n", run, agents.size(),
                    total.contacts(), total.rightParty(), total.promises(), total.recoveredFen(), (System.nanoTime() - t) / 1e6);
        }
        Map<String, Object> params = Map.of("day", today, "from", Timestamp.from(today.atStartOfDay(clock.zone()).toInstant()),
                "to", Timestamp.from(today.plusDays(1).atStartOfDay(clock.zone()).toInstant()));
        for (String statement : List.of(DayFigures.CONTACTS, DayFigures.PROMISES, DayFigures.RECOVERED)) {
            System.out.println("----");
            var spec = jdbc.sql("explain (analyze, buffers) " + statement);
            for (Map.Entry<String, Object> p : params.entrySet()) {
                if (statement.contains(":" + p.getKey())) {
                    spec = spec.param(p.getKey(), p.getValue());
                }
            }
            spec.query(String.class).list().forEach(System.out::println);
        }
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
