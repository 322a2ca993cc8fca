package dev.recoup.allocation.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Moving chosen cases from one agent to another (or back to the pool) by hand, set-based, in the caller's transaction. */
@Repository
public class ReassignmentStore {

    private final JdbcClient jdbc;

    ReassignmentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Held(long assignmentId, long caseId, Long agentId, Long agencyId, long teamId) {
    }

    public record Target(long agentId, long teamId, boolean active) {
    }

    public Optional<Target> agent(long agentId) {
        return jdbc.sql("select id, team_id, active from agent where id = ?").param(agentId)
                .query((rs, i) -> new Target(rs.getLong(1), rs.getLong(2), rs.getBoolean(3))).optional();
    }

    /** The current assignments of these cases, locked until the transaction ends. */
    public List<Held> current(long[] caseIds) {
        return jdbc.sql("""
                        select id, case_id, agent_id, agency_id, team_id from case_assignment
                        where case_id = any (?) and ended_on is null order by case_id for update""")
                .param(caseIds)
                .query((rs, i) -> new Held(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), (Long) rs.getObject(4), rs.getLong(5))).list();
    }

    /**
     * Ends the assignments (REALLOCATED today, with what was recovered while they lasted, as the
     * allocator's endings do), starts the new agent's (method MANUAL, reviewed after the cycle) unless
     * {@code toAgentId} is null, and records each move with who and why.
     */
    public int move(long[] assignmentIds, Long toAgentId, LocalDate today, int cycleDays, String by, String reason, Instant at) {
        return jdbc.sql("""
                        with old as (
                            select a.* from case_assignment a where a.id = any (:ids) and a.ended_on is null),
                        recovered as (
                            select o.id, coalesce(sum(p.amount), 0)::bigint as amount
                            from old o
                            join collection_case c on c.id = o.case_id
                            join account ac on ac.customer_id = c.customer_id
                            join payment p on p.account_id = ac.id and p.paid_on > o.assigned_on and p.paid_on <= :today
                            group by o.id),
                        ended as (
                            update case_assignment a set ended_on = :today, end_reason = 'REALLOCATED',
                                   recovered_minor = coalesce((select r.amount from recovered r where r.id = a.id), 0)
                            from old o where o.id = a.id
                            returning a.id, a.case_id, a.agent_id, a.agency_id, a.team_id),
                        started as (
                            insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, tier, overdue_at_assignment,
                                                         expected_recovery, method, allocation_run_id, assigned_on, review_on)
                            select o.case_id, cast(:to as bigint), o.team_id, o.queue, o.segment_code, o.tier, o.overdue_at_assignment,
                                   o.expected_recovery, 'MANUAL', o.allocation_run_id, :today, :review
                            -- from the ended rows: each old assignment is ended before its successor is written
                            from ended e join old o on o.id = e.id where cast(:to as bigint) is not null
                            returning id, case_id)
                        insert into case_reassignment (case_id, from_assignment_id, from_agent_id, from_agency_id, to_assignment_id, to_agent_id,
                                                       team_id, reason, reassigned_by, business_date, reassigned_at)
                        select e.case_id, e.id, e.agent_id, e.agency_id, s.id, cast(:to as bigint), e.team_id, :reason, :by, :today, :at
                        from ended e left join started s on s.case_id = e.case_id""")
                .param("ids", assignmentIds).param("to", toAgentId).param("today", today).param("review", today.plusDays(cycleDays))
                .param("reason", reason).param("by", by).param("at", Timestamp.from(at))
                .update();
    }
}
