package dev.recoup.agreements.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Judges open promises from the payments on their accounts, in one statement for any number of
 * promises: the rule of {@link dev.recoup.agreements.domain.KeepRule#judge} in SQL. Payments count
 * from the day the promise was recorded to the end of its grace days (and not after {@code today}):
 * paid ≥ required → KEPT; else, once the grace days are over, PARTLY_KEPT or BROKEN; else it stays
 * OPEN with what was paid so far. Imported and posted payments count alike (the {@code payment} table);
 * reversed ones (payments' {@code payment_reversal}) do not.
 */
@Component
public class PromiseJudge {

    /** Which open promises to judge. */
    public enum Scope {
        /** Every open promise (the daily run). */
        ALL("true"),
        /** Open promises covering one of {@code :accounts} (a posting). */
        ACCOUNTS("p.id in (select pa.promise_id from promise_account pa where pa.account_id = any(cast(:accounts as bigint[])))"),
        /** One promise, {@code :promise} (just recorded). */
        ONE("p.id = :promise");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }
    }

    public enum Verdict { KEPT, PARTLY_KEPT, BROKEN }

    private final JdbcClient jdbc;

    public PromiseJudge(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param judgedBy {@code PAYMENT} or {@code DAILY_RUN}
     * @return how many promises each verdict closed now
     */
    public Map<Verdict, Long> judge(Scope scope, long[] accounts, long promise, LocalDate today, String judgedBy) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        if (scope != Scope.ALL) {
            // Lock first, then count in a second statement: under READ COMMITTED it sees every payment committed
            // by a concurrent posting on another of the promise's accounts that held the lock before us.
            boolean none = jdbc.sql("select p.id from promise p where p.status = 'OPEN' and %s order by p.id for update".formatted(scope.condition))
                    .param("accounts", accounts == null ? new long[0] : accounts).param("promise", promise).query(Long.class).list().isEmpty();
            if (none) {
                return counts;  // most payments: no open promise on the account, nothing to judge
            }
        }
        jdbc.sql(statement(scope))
                .param("accounts", accounts == null ? new long[0] : accounts)
                .param("promise", promise)
                .param("today", today)
                .param("by", judgedBy)
                .query((rs, n) -> counts.put(Verdict.valueOf(rs.getString(1)), rs.getLong(2)))
                .list();
        return counts;
    }

    /** The judging statement for a scope, with its named parameters (public for EXPLAIN in benchmarks). */
    public static String statement(Scope scope) {
        return """
                        with target as (
                            select p.id, p.recorded_on, p.grace_ends_on, p.required_amount, p.paid
                            from promise p where p.status = 'OPEN' and %s),
                        paid as (
                            -- Promise by promise, account by account, each an index range (promise_account, payment_account),
                            -- whatever the planner guesses of the CTE's size.
                            select t.id, sum(x.paid) as paid
                            from target t
                            join promise_account pa on pa.promise_id = t.id
                            cross join lateral (
                                select sum(y.amount) as paid
                                from payment y
                                where y.account_id = pa.account_id and y.paid_on >= t.recorded_on and y.paid_on <= least(t.grace_ends_on, :today)
                                  and not exists (select 1 from payment_reversal r where r.payment_id = y.id)) x
                            group by t.id),
                        verdict as (
                            select t.id, coalesce(d.paid, 0) as paid,
                                   case when coalesce(d.paid, 0) >= t.required_amount then 'KEPT'
                                        when t.grace_ends_on >= :today then 'OPEN'
                                        when coalesce(d.paid, 0) > 0 then 'PARTLY_KEPT'
                                        else 'BROKEN' end as status
                            from target t left join paid d on d.id = t.id),
                        judged as (
                            update promise p set paid = v.paid, status = v.status,
                                   judged_on = case when v.status = 'OPEN' then null else cast(:today as date) end,
                                   judged_by = case when v.status = 'OPEN' then null else :by end,
                                   updated_at = now()
                            from verdict v
                            where p.id = v.id and p.status = 'OPEN' and (p.paid <> v.paid or v.status <> 'OPEN')
                            returning p.status)
                        select status, count(*) from judged where status <> 'OPEN' group by status""".formatted(scope.condition);
    }
}
