package dev.recoup.agreements.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * Tracks active plans against the payments on their customer's accounts, in one statement for any
 * number of plans: the rule of {@link dev.recoup.agreements.domain.PlanProgress} in SQL. Payments from
 * the day the plan was agreed pay its instalments in order; an instalment unpaid past its due date
 * plus the plan's grace days is missed; the plan completes when its total is paid (the customer
 * becomes eligible for credit restoration, once) and breaks when {@code break_after_missed}
 * instalments are missed at once.
 */
@Component
public class PlanTracker {

    public enum Scope {
        /** Every active plan (the daily run). */
        ALL("true"),
        /** Active plans of the customers owning one of {@code :accounts} (a posting). */
        ACCOUNTS("p.customer_id in (select a.customer_id from account a where a.id = any(cast(:accounts as bigint[])))"),
        /** One plan, {@code :plan} (just activated). */
        ONE("p.id = :plan");

        private final String condition;

        Scope(String condition) {
            this.condition = condition;
        }
    }

    public record Tracked(long completed, long broken) {
    }

    private final JdbcClient jdbc;

    public PlanTracker(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Tracked track(Scope scope, long[] accounts, long plan, LocalDate today) {
        long[] counts = new long[2];
        if (scope != Scope.ALL) {
            // Lock first, then count in a second statement (see PromiseJudge).
            boolean none = jdbc.sql("select p.id from plan p where p.status = 'ACTIVE' and %s order by p.id for update".formatted(scope.condition))
                    .param("accounts", accounts == null ? new long[0] : accounts).param("plan", plan).query(Long.class).list().isEmpty();
            if (none) {
                return new Tracked(0, 0);  // no active plan in scope, nothing to track
            }
        }
        jdbc.sql(statement(scope))
                .param("accounts", accounts == null ? new long[0] : accounts)
                .param("plan", plan)
                .param("today", today)
                .query((rs, n) -> {
                    counts[0] = rs.getLong(1);
                    counts[1] = rs.getLong(2);
                    return null;
                }).list();
        return new Tracked(counts[0], counts[1]);
    }

    /** The judging statement for a scope, with its named parameters (public for EXPLAIN in benchmarks). */
    public static String statement(Scope scope) {
        return """
                        with target as (
                            select p.id, p.customer_id, p.created_on, p.total, p.grace_days, p.break_after_missed
                            from plan p where p.status = 'ACTIVE' and %s),
                        paid as (
                            -- Plan by plan, account by account, each an index range (account_customer, payment_account): any
                            -- join the planner chose from the CTE's guessed size scanned every payment of the portfolio.
                            select t.id, sum(x.paid) as paid, max(x.last_paid_on) as last_paid_on
                            from target t
                            join account a on a.customer_id = t.customer_id
                            cross join lateral (
                                select sum(y.amount) as paid, max(y.paid_on) as last_paid_on
                                from payment y
                                where y.account_id = a.id and y.paid_on >= t.created_on and y.paid_on <= :today
                                  and not exists (select 1 from payment_reversal r where r.payment_id = y.id)) x
                            group by t.id),
                        schedule as (
                            select i.plan_id, i.due_on, sum(i.amount) over (partition by i.plan_id order by i.seq) as through
                            from target t join plan_instalment i on i.plan_id = t.id),
                        state as (
                            select t.id, t.total, t.break_after_missed, coalesce(d.paid, 0) as paid, d.last_paid_on,
                                   min(s.due_on) filter (where s.through > coalesce(d.paid, 0)) as oldest_unpaid,
                                   count(*) filter (where s.through > coalesce(d.paid, 0) and s.due_on + t.grace_days < :today) as missed
                            from target t left join paid d on d.id = t.id join schedule s on s.plan_id = t.id
                            group by t.id, t.total, t.break_after_missed, d.paid, d.last_paid_on),
                        verdict as (
                            select id, paid, missed, oldest_unpaid, last_paid_on,
                                   case when paid >= total then 'COMPLETED' when missed >= break_after_missed then 'BROKEN' else 'ACTIVE' end as status
                            from state),
                        tracked as (
                            update plan p set paid = v.paid, missed = v.missed, oldest_unpaid_due_on = v.oldest_unpaid, status = v.status,
                                   ended_on = case v.status when 'COMPLETED' then least(coalesce(v.last_paid_on, :today), :today)
                                                            when 'BROKEN' then cast(:today as date) end,
                                   end_reason = case v.status when 'COMPLETED' then 'PAID_IN_FULL' when 'BROKEN' then 'MISSED_INSTALMENTS' end,
                                   updated_at = now()
                            from verdict v
                            where p.id = v.id and p.status = 'ACTIVE'
                              and (p.paid <> v.paid or p.missed <> v.missed or p.oldest_unpaid_due_on is distinct from v.oldest_unpaid
                                   or v.status <> 'ACTIVE')
                            returning p.id, p.customer_id, p.status, p.ended_on),
                        restored as (
                            insert into credit_restoration (customer_id, plan_id, eligible_on)
                            select customer_id, id, ended_on from tracked where status = 'COMPLETED'
                            on conflict (customer_id) do nothing)
                        select count(*) filter (where status = 'COMPLETED'), count(*) filter (where status = 'BROKEN') from tracked"""
                        .formatted(scope.condition);
    }
}
