package dev.recoup.allocation.persistence;

import dev.recoup.shared.CopyRowWriter;

import dev.recoup.allocation.AllocationMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The record of every allocation run: figures side by side, per-worker results, and who got what. */
@Repository
public class RunStore {

    private final JdbcClient jdbc;
    private final javax.sql.DataSource dataSource;

    RunStore(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    public long begin(LocalDate date, AllocationMethod method, boolean dryRun, String triggeredBy, long dailyRunId) {
        return jdbc.sql("""
                insert into allocation_run (business_date, method, dry_run, triggered_by, daily_run_id) values (?, ?, ?, ?, ?) returning id""")
                .params(date, method.name(), dryRun, triggeredBy, dailyRunId).query(Long.class).single();
    }

    /** The figures of a finished run. Expected recoveries in fen; null where a method was not computed. */
    public record Figures(int casesToAllocate, int casesAssigned, int endedCaseClosed, int endedRecalled, int endedStageChanged,
                          int endedReallocated, Long expectedRoundRobin, Long expectedSnake, Long expectedOptimised, Long lpBound,
                          long solveMillis, String detailsJson) {
    }

    public void finish(long runId, Figures f) {
        jdbc.sql("""
                update allocation_run set finished_at = clock_timestamp(), cases_to_allocate = ?, cases_assigned = ?, ended_case_closed = ?,
                    ended_recalled = ?, ended_stage_changed = ?, ended_reallocated = ?, expected_round_robin = ?, expected_snake = ?,
                    expected_optimised = ?, lp_bound = ?, solve_millis = ?, details = ?::jsonb
                where id = ?""")
                .params(f.casesToAllocate(), f.casesAssigned(), f.endedCaseClosed(), f.endedRecalled(), f.endedStageChanged(),
                        f.endedReallocated(), f.expectedRoundRobin(), f.expectedSnake(), f.expectedOptimised(), f.lpBound(), f.solveMillis(),
                        f.detailsJson(), runId).update();
    }

    /** What one worker got in a run and held after it. */
    public record WorkerResult(String kind, long workerId, long teamId, int cases, long overdueMinor, long expectedRecoveryMinor,
                               int openCases, long openOverdueMinor) {
    }

    public void writeWorkers(long runId, List<WorkerResult> results) {
        CopyRowWriter copy = new CopyRowWriter(1 << 16);
        for (WorkerResult r : results) {
            boolean agency = r.kind().equals("AGENCY");
            copy.add(runId).add(agency ? null : r.workerId()).add(agency ? r.workerId() : null).add(r.teamId()).add(r.cases())
                    .add(r.overdueMinor()).add(r.expectedRecoveryMinor()).add(r.openCases()).add(r.openOverdueMinor()).end();
        }
        copy.copyInto(dataSource, """
                allocation_run_worker (run_id, agent_id, agency_id, team_id, cases, overdue_minor, expected_recovery_minor, open_cases,
                                       open_overdue_minor)""");
    }

    // ---- reading

    public record RunRow(long id, LocalDate businessDate, AllocationMethod method, boolean dryRun, String triggeredBy, long dailyRunId,
                         OffsetDateTime startedAt, OffsetDateTime finishedAt, int casesToAllocate, int casesAssigned, int endedCaseClosed,
                         int endedRecalled, int endedStageChanged, int endedReallocated, Long expectedRoundRobin, Long expectedSnake,
                         Long expectedOptimised, Long lpBound, Long solveMillis, String detailsJson) {
    }

    public Optional<RunRow> find(long id) {
        return jdbc.sql(RUNS + " where id = ?").param(id).query((rs, i) -> run(rs)).optional();
    }

    public List<RunRow> recent(int limit) {
        return jdbc.sql(RUNS + " order by id desc limit ?").param(limit).query((rs, i) -> run(rs)).list();
    }

    public Optional<RunRow> latest() {
        return jdbc.sql(RUNS + " where finished_at is not null order by id desc limit 1").query((rs, i) -> run(rs)).optional();
    }

    public record WorkerRow(String kind, String ref, String name, String teamCode, int cases, long overdueMinor, long expectedRecoveryMinor,
                            int openCases, long openOverdueMinor, int maxOpenCases, long maxOverdueMinor) {
    }

    public List<WorkerRow> workers(long runId) {
        return jdbc.sql("""
                select case when w.agent_id is not null then 'AGENT' else 'AGENCY' end as kind, coalesce(g.agent_ref, y.agency_ref) as ref,
                       coalesce(g.name, y.name) as name, t.code as team_code, w.cases, w.overdue_minor, w.expected_recovery_minor,
                       w.open_cases, w.open_overdue_minor, coalesce(g.max_open_cases, y.max_open_cases) as max_open_cases,
                       coalesce(g.max_overdue_minor, y.max_overdue_minor) as max_overdue_minor
                from allocation_run_worker w join team t on t.id = w.team_id
                left join agent g on g.id = w.agent_id left join agency y on y.id = w.agency_id
                where w.run_id = ? order by t.code, ref""").param(runId)
                .query((rs, i) -> new WorkerRow(rs.getString("kind"), rs.getString("ref"), rs.getString("name"), rs.getString("team_code"),
                        rs.getInt("cases"), rs.getLong("overdue_minor"), rs.getLong("expected_recovery_minor"), rs.getInt("open_cases"),
                        rs.getLong("open_overdue_minor"), rs.getInt("max_open_cases"), rs.getLong("max_overdue_minor"))).list();
    }

    public record AssignmentRow(long caseId, String customerRef, String workerKind, String workerRef, String teamCode, String queue,
                                String segmentCode, String tier, long overdueMinor, long expectedRecoveryMinor, LocalDate reviewOn,
                                LocalDate placementEndsOn) {
    }

    /** Who got what in a run, by case id; a dry run's proposals. */
    public List<AssignmentRow> assignments(RunRow run, String workerRef, int page, int size) {
        String source = run.dryRun()
                ? "select case_id, agent_id, agency_id, team_id, queue, segment_code, tier, overdue_minor, expected_recovery, null::date as review_on, null::date as placement_ends_on from allocation_proposal where run_id = :run"
                : "select case_id, agent_id, agency_id, team_id, queue, segment_code, tier, overdue_at_assignment, expected_recovery, review_on, placement_ends_on from case_assignment where allocation_run_id = :run";
        return jdbc.sql("""
                select x.case_id, cu.customer_ref, case when x.agent_id is not null then 'AGENT' else 'AGENCY' end as kind,
                       coalesce(g.agent_ref, y.agency_ref) as ref, t.code, x.queue, x.segment_code, x.tier, x.overdue_minor, x.expected_recovery,
                       x.review_on, x.placement_ends_on
                from (%s) x(case_id, agent_id, agency_id, team_id, queue, segment_code, tier, overdue_minor, expected_recovery, review_on, placement_ends_on)
                join team t on t.id = x.team_id
                left join agent g on g.id = x.agent_id left join agency y on y.id = x.agency_id
                left join collection_case c on c.id = x.case_id left join customer cu on cu.id = c.customer_id
                where (cast(:worker as text) is null or coalesce(g.agent_ref, y.agency_ref) = :worker)
                order by x.case_id limit :size offset :offset""".formatted(source))
                .param("run", run.id()).param("worker", workerRef).param("size", size).param("offset", (long) page * size)
                .query((rs, i) -> new AssignmentRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getLong(9), rs.getLong(10),
                        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class))).list();
    }

    public long assignmentCount(RunRow run, String workerRef) {
        String table = run.dryRun() ? "allocation_proposal" : "case_assignment";
        String runColumn = run.dryRun() ? "run_id" : "allocation_run_id";
        return jdbc.sql("""
                select count(*) from %s x left join agent g on g.id = x.agent_id left join agency y on y.id = x.agency_id
                where x.%s = :run and (cast(:worker as text) is null or coalesce(g.agent_ref, y.agency_ref) = :worker)"""
                .formatted(table, runColumn)).param("run", run.id()).param("worker", workerRef).query(Long.class).single();
    }

    private static final String RUNS = """
            select id, business_date, method, dry_run, triggered_by, daily_run_id, started_at, finished_at, cases_to_allocate, cases_assigned,
                   ended_case_closed, ended_recalled, ended_stage_changed, ended_reallocated, expected_round_robin, expected_snake,
                   expected_optimised, lp_bound, solve_millis, details::text as details
            from allocation_run""";

    private RunRow run(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new RunRow(rs.getLong("id"), rs.getObject("business_date", LocalDate.class), AllocationMethod.valueOf(rs.getString("method")),
                rs.getBoolean("dry_run"), rs.getString("triggered_by"), rs.getLong("daily_run_id"),
                rs.getObject("started_at", OffsetDateTime.class), rs.getObject("finished_at", OffsetDateTime.class),
                rs.getInt("cases_to_allocate"), rs.getInt("cases_assigned"), rs.getInt("ended_case_closed"), rs.getInt("ended_recalled"),
                rs.getInt("ended_stage_changed"), rs.getInt("ended_reallocated"), (Long) rs.getObject("expected_round_robin"),
                (Long) rs.getObject("expected_snake"), (Long) rs.getObject("expected_optimised"), (Long) rs.getObject("lp_bound"),
                (Long) rs.getObject("solve_millis"), rs.getString("details"));
    }
}
