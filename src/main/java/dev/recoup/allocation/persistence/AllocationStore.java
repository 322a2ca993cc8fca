package dev.recoup.allocation.persistence;

import dev.recoup.shared.CopyRowWriter;

import dev.recoup.allocation.AllocationMethod;
import dev.recoup.allocation.domain.EndReason;
import dev.recoup.allocation.domain.PoolCase;
import dev.recoup.allocation.domain.Worker;
import dev.recoup.allocation.domain.WorkerKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * The set-based side of an allocation, all inside the caller's transaction:
 * <ol>
 *   <li>{@link #markEndings}: which current assignments end today and why, into a temporary table —
 *       nothing changes yet, so a dry run sees the same day as a real one;</li>
 *   <li>{@link #workers} with their room after the assignments they keep, and {@link #pool}: the open
 *       cases in queues people work that have no assignment left;</li>
 *   <li>{@link #applyEndings} (recovered amounts and commissions set-based) and {@link #writeAssignments}
 *       (one COPY) for a real run, {@link #writeProposals} for a dry run.</li>
 * </ol>
 */
@Repository
public class AllocationStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;
    private final DataSource dataSource;
    private final CaseSegments segments;

    AllocationStore(JdbcClient jdbc, DataSource dataSource, CaseSegments segments) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.segments = segments;
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(10_000);
    }

    /** The latest completed, not superseded daily run: its snapshot is the current state. */
    public java.util.Optional<CurrentRun> currentDailyRun() {
        return jdbc.sql("""
                select id, business_date from daily_run where status = 'COMPLETED' and superseded_by is null
                order by business_date desc, id desc limit 1""")
                .query((rs, i) -> new CurrentRun(rs.getLong("id"), rs.getObject("business_date", LocalDate.class))).optional();
    }

    public record CurrentRun(long id, LocalDate businessDate) {
    }

    /** The business date of the latest real allocation, if any: allocation goes forward only. */
    public java.util.Optional<LocalDate> latestAllocationDate() {
        return jdbc.sql("select max(business_date) from allocation_run where not dry_run").query(LocalDate.class).optional();
    }

    /** Serialises allocations: the daily run waits for a manual one; a manual one asks {@code wait = false}. */
    public boolean lock(boolean wait) {
        if (wait) {
            jdbc.sql("select pg_advisory_xact_lock(" + ALLOCATION_LOCK + ")").query().singleRow();
            return true;
        }
        return jdbc.sql("select pg_try_advisory_xact_lock(" + ALLOCATION_LOCK + ")").query(Boolean.class).single();
    }

    private static final long ALLOCATION_LOCK = 7_301_006L;

    /** Classifies today's endings into the transaction's temporary table {@code allocation_ending}; counts by reason. */
    public Map<EndReason, Integer> markEndings(LocalDate date, long dailyRunId) {
        jdbc.sql("drop table if exists allocation_ending").update();
        jdbc.sql("create temporary table allocation_ending (assignment_id bigint primary key, reason text not null) on commit drop").update();
        jdbc.sql("""
                insert into allocation_ending (assignment_id, reason)
                select id, reason from (
                    select a.id, case
                        when c.status is distinct from 'OPEN' then 'CASE_CLOSED'
                        when a.placement_ends_on <= :date then 'RECALLED'
                        when a.agency_id is not null and (not y.active or not t.active) then 'RECALLED'
                        when s.segment_code is distinct from a.segment_code then 'STAGE_CHANGED'
                        when a.agent_id is not null and (a.review_on <= :date or not g.active or not t.active or g.team_id <> a.team_id)
                            then 'REALLOCATED'
                        end as reason
                    from case_assignment a
                    join team t on t.id = a.team_id
                    left join collection_case c on c.id = a.case_id
                    left join %s s on s.case_id = a.case_id
                    left join agent g on g.id = a.agent_id
                    left join agency y on y.id = a.agency_id
                    where a.ended_on is null) e
                where reason is not null""".formatted(segments.sql(dailyRunId))).param("date", date).update();
        jdbc.sql("analyze allocation_ending").update();
        Map<EndReason, Integer> counts = new EnumMap<>(EndReason.class);
        for (EndReason r : EndReason.values()) {
            counts.put(r, 0);
        }
        jdbc.sql("select reason, count(*) from allocation_ending group by reason")
                .query((rs, i) -> counts.put(EndReason.valueOf(rs.getString(1)), rs.getInt(2))).list();
        return counts;
    }

    /**
     * Active agents and agencies of active teams that work cases, with their room: capacity minus
     * the cases (and their overdue at assignment) they keep today.
     */
    public List<Worker> workers() {
        Map<String, long[]> kept = new HashMap<>();
        jdbc.sql("""
                select case when a.agent_id is not null then 'AGENT' else 'AGENCY' end as kind, coalesce(a.agent_id, a.agency_id) as id,
                       count(*) as cases, sum(a.overdue_at_assignment) as overdue
                from case_assignment a
                where a.ended_on is null and not exists (select 1 from allocation_ending e where e.assignment_id = a.id)
                group by 1, 2""").query((rs, i) -> kept.put(rs.getString("kind") + rs.getLong("id"),
                new long[]{rs.getLong("cases"), rs.getLong("overdue")})).list();
        return jdbc.sql("""
                select 'AGENT' as kind, g.id, g.agent_ref as ref, g.team_id, t.queues, t.required_skills, t.region_matching, g.skills,
                       g.region_codes, g.started_on, g.max_open_cases, g.max_overdue_minor
                from agent g join team t on t.id = g.team_id
                where g.active and t.active and t.kind not in ('ROBOT_SMS', 'AGENCY')
                union all
                select 'AGENCY', y.id, y.agency_ref, y.team_id, t.queues, '{}'::text[], false, '{}'::text[], '{}'::text[], null,
                       y.max_open_cases, y.max_overdue_minor
                from agency y join team t on t.id = y.team_id
                where y.active and t.active and t.kind = 'AGENCY'
                order by 1, 2""").query((rs, i) -> {
            WorkerKind kind = WorkerKind.valueOf(rs.getString("kind"));
            long[] held = kept.getOrDefault(kind.name() + rs.getLong("id"), new long[2]);
            return new Worker(kind, rs.getLong("id"), rs.getString("ref"), rs.getLong("team_id"),
                    new HashSet<>(OrganisationStore.list(rs.getArray("queues"))),
                    new HashSet<>(OrganisationStore.list(rs.getArray("required_skills"))), rs.getBoolean("region_matching"),
                    new HashSet<>(OrganisationStore.list(rs.getArray("skills"))), OrganisationStore.list(rs.getArray("region_codes")),
                    rs.getObject("started_on", LocalDate.class), (int) held[0], held[1], (int) (rs.getInt("max_open_cases") - held[0]),
                    rs.getLong("max_overdue_minor") - held[1]);
        }).list();
    }

    /** Open cases in a queue some active agent or agency team works, without an assignment that continues today; by case id. */
    public List<PoolCase> pool(long dailyRunId) {
        List<PoolCase> pool = new ArrayList<>();
        Map<String, String> interned = new HashMap<>();
        streaming.query("""
                select c.id, c.customer_id, s.queue, s.segment_code, cs.tier, cs.bucket, cs.overdue_total, cu.region_code
                from collection_case c
                join %s s on s.case_id = c.id
                join customer_status cs on cs.run_id = %d and cs.customer_id = c.customer_id
                join customer cu on cu.id = c.customer_id
                where c.status = 'OPEN'
                  and s.queue in (select unnest(queues) from team where active and kind <> 'ROBOT_SMS')
                  and not exists (select 1 from case_assignment a where a.case_id = c.id and a.ended_on is null
                                  and not exists (select 1 from allocation_ending e where e.assignment_id = a.id))
                order by c.id""".formatted(segments.sql(dailyRunId), dailyRunId), rs -> {
            pool.add(new PoolCase(rs.getLong(1), rs.getLong(2), intern(interned, rs.getString(3)), intern(interned, rs.getString(4)),
                    intern(interned, rs.getString(5)), intern(interned, rs.getString(6)), rs.getLong(7), intern(interned, rs.getString(8))));
        });
        return pool;
    }

    private static String intern(Map<String, String> interned, String value) {
        return value == null ? null : interned.computeIfAbsent(value, v -> v);
    }

    /**
     * Ends the marked assignments: the reason, and what was recovered while the worker held the case —
     * payments on the customer's accounts after the assignment day up to today — and for agencies the
     * commission on it (rounded to the fen).
     */
    public int applyEndings(LocalDate date) {
        return jdbc.sql("""
                with recovered as (
                    select e.assignment_id, sum(p.amount) as amount
                    from allocation_ending e
                    join case_assignment a on a.id = e.assignment_id
                    join collection_case c on c.id = a.case_id
                    join account ac on ac.customer_id = c.customer_id
                    join payment p on p.account_id = ac.id and p.paid_on > a.assigned_on and p.paid_on <= :date
                    group by e.assignment_id),
                ending as (
                    select e.assignment_id, e.reason, coalesce(r.amount, 0)::bigint as recovered, y.commission_rate_bp
                    from allocation_ending e
                    join case_assignment a on a.id = e.assignment_id
                    left join recovered r on r.assignment_id = e.assignment_id
                    left join agency y on y.id = a.agency_id)
                update case_assignment a
                set ended_on = :date, end_reason = x.reason, recovered_minor = x.recovered,
                    commission_minor = case when a.agency_id is not null then (x.recovered::bigint * x.commission_rate_bp + 5000) / 10000 end
                from ending x
                where x.assignment_id = a.id""").param("date", date).update();
    }

    /** One new assignment: who, and what the case looked like. */
    public record NewAssignment(PoolCase c, Worker worker, long expectedRecovery) {
    }

    /** Writes the run's assignments with one COPY; agents are reviewed after the cycle, agencies at the placement's end. */
    public void writeAssignments(long runId, AllocationMethod method, LocalDate date, int cycleDays, Map<Long, Integer> placementDays,
                                 List<NewAssignment> assignments) {
        CopyRowWriter copy = new CopyRowWriter(1 << 16);
        for (NewAssignment a : assignments) {
            boolean agency = a.worker().kind() == WorkerKind.AGENCY;
            LocalDate ends = agency ? date.plusDays(placementDays.get(a.worker().id())) : null;
            copy.add(a.c().caseId()).add(agency ? null : a.worker().id()).add(agency ? a.worker().id() : null).add(a.worker().teamId())
                    .add(a.c().queue()).add(a.c().segment()).add(a.c().tier()).add(a.c().overdue()).add(a.expectedRecovery())
                    .add(method.name()).add(runId).add(date).add(agency ? ends : date.plusDays(cycleDays)).add(ends).end();
        }
        copy.copyInto(dataSource, """
                case_assignment (case_id, agent_id, agency_id, team_id, queue, segment_code, tier, overdue_at_assignment, expected_recovery,
                                 method, allocation_run_id, assigned_on, review_on, placement_ends_on)""");
    }

    public void writeProposals(long runId, List<NewAssignment> assignments) {
        CopyRowWriter copy = new CopyRowWriter(1 << 16);
        for (NewAssignment a : assignments) {
            boolean agency = a.worker().kind() == WorkerKind.AGENCY;
            copy.add(runId).add(a.c().caseId()).add(agency ? null : a.worker().id()).add(agency ? a.worker().id() : null)
                    .add(a.worker().teamId()).add(a.c().queue()).add(a.c().segment()).add(a.c().tier()).add(a.c().overdue())
                    .add(a.expectedRecovery()).end();
        }
        copy.copyInto(dataSource, """
                allocation_proposal (run_id, case_id, agent_id, agency_id, team_id, queue, segment_code, tier, overdue_minor, expected_recovery)""");
    }

    public Map<Long, Integer> placementDays() {
        Map<Long, Integer> days = new HashMap<>();
        jdbc.sql("select id, placement_days from agency").query((rs, i) -> days.put(rs.getLong(1), rs.getInt(2))).list();
        return days;
    }
}
