package dev.recoup.casework;

import dev.recoup.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Brings cases in line with a daily run's customer snapshot, set-based:
 * <ul>
 *   <li>an overdue customer without an open case gets a new case (a customer who went overdue
 *       again after a cure gets a new case, not the old one back);</li>
 *   <li>an open case whose customer has nothing overdue closes as CURED;</li>
 *   <li>a re-run of the same date corrects what the earlier run of that date did: a case it
 *       closed reopens if the customer is overdue after all, and a case it opened closes as
 *       RERUN_CORRECTION if the customer is not.</li>
 * </ul>
 * Every open, close and reopen is written to {@code case_event}; a new case also starts its flow
 * in INTAKE and, graded by the run, moves to CLASSIFIED, both in {@code case_stage_change} (the
 * rest of the flow is {@link CaseFlow}'s). Runs inside the caller's
 * transaction (its SET LOCAL needs one), so cases move together with the run's completion.
 */
@Service
public class CaseSynchronisation {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    public CaseSynchronisation(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record Result(long opened, long closed, long reopened) {
    }

    public Result synchronise(long runId, LocalDate businessDate) {
        // Set-based statements want hash joins at any size. On a new or freshly emptied table the
        // planner believes it tiny and picks a nested loop that rescans collection_case for every
        // customer — including the rows the same statement is inserting: quadratic, minutes for a
        // first run that opens 650k cases. Fresh statistics and no nested loops avoid both traps.
        jdbc.sql("analyze collection_case").update();
        jdbc.sql("set local enable_nestloop = off").update();
        String overdueNow = "exists (select 1 from customer_status s where s.run_id = %d and s.customer_id = c.customer_id and s.worst_days_past_due > 0)"
                .formatted(runId);
        long reopened = jdbc.sql("""
                with reopened as (
                    update collection_case c set status = 'OPEN', closed_on = null, closed_by_run = null, close_reason = null, updated_at = now()
                    where c.status = 'CLOSED' and c.closed_on = :date and c.close_reason = 'CURED' and %s
                      and not exists (select 1 from collection_case o where o.customer_id = c.customer_id and o.status = 'OPEN')
                    returning c.id)
                insert into case_event (case_id, business_date, run_id, event, reason)
                select id, :date, :run, 'REOPENED', 'RERUN_CORRECTION' from reopened""".formatted(overdueNow))
                .param("date", businessDate).param("run", runId).update();
        long closed = jdbc.sql("""
                with closed as (
                    update collection_case c set status = 'CLOSED', closed_on = :date, closed_by_run = :run, updated_at = now(),
                        close_reason = case when c.opened_on = :date then 'RERUN_CORRECTION' else 'CURED' end
                    where c.status = 'OPEN' and not %s
                    returning c.id, c.close_reason)
                insert into case_event (case_id, business_date, run_id, event, reason)
                select id, :date, :run, 'CLOSED', close_reason from closed""".formatted(overdueNow))
                .param("date", businessDate).param("run", runId).update();
        // A new case starts its flow (R8) in INTAKE. This run has already graded the customer (tier and
        // bucket), which is the case's classification: so it moves on to CLASSIFIED at once, both moves
        // in its history, and a first run does not rewrite every case it has just written.
        long opened = jdbc.sql("""
                with opened as (
                    insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                    select s.customer_id, 'OPEN', :date, :run, case when s.tier is null then 'INTAKE' else 'CLASSIFIED' end, :date
                    from customer_status s
                    where s.run_id = %d and s.worst_days_past_due > 0
                      and not exists (select 1 from collection_case o where o.customer_id = s.customer_id and o.status = 'OPEN')
                    returning id, flow_stage),
                events as (
                    insert into case_event (case_id, business_date, run_id, event, reason)
                    select id, :date, :run, 'OPENED', null from opened),
                history as (
                    insert into case_stage_change (case_id, from_stage, to_stage, business_date, moved_at, moved_by, reason, run_id)
                    select id, null, 'INTAKE', :date, :now, 'rule', 'CASE_OPENED', :run from opened
                    union all
                    select id, 'INTAKE', 'CLASSIFIED', :date, :now, 'rule', 'TIER_ASSIGNED', :run from opened where flow_stage = 'CLASSIFIED')
                select count(*) from opened""".formatted(runId))
                .param("date", businessDate).param("run", runId).param("now", OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC))
                .query(Long.class).single();
        jdbc.sql("set local enable_nestloop = on").update();
        return new Result(opened, closed, reopened);
    }
}
