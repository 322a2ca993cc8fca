package dev.recoup.casework.persistence;

import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.casework.FlowState;
import dev.recoup.casework.domain.FlowRules;
import dev.recoup.casework.domain.StageRule;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The case flow in SQL. Every move — by rule or by a person — is one statement that updates the
 * cases and writes their history rows from its RETURNING, so history and state cannot disagree,
 * and a move of 650k cases costs one statement, not 650k.
 */
@Service
class JdbcCaseFlow implements CaseFlow {

    static final String RULE = "rule";
    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final TaskClosing taskClosing;
    private final TaskProperties taskProperties;
    private final Map<CaseStage, StageRule> rules;

    JdbcCaseFlow(JdbcClient jdbc, BusinessClock clock, TaskClosing taskClosing, CaseFlowProperties properties, TaskProperties taskProperties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.taskClosing = taskClosing;
        this.taskProperties = taskProperties;
        this.rules = properties.rules();
    }

    @Override
    @Transactional
    public long advanceByRule(long[] caseIds, CaseStage to, LocalDate businessDate, String reason) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(businessDate, "businessDate");
        if (caseIds == null || caseIds.length == 0) {
            return 0;
        }
        // Closed (paid-up) cases only ever go further to CLOSED or ARCHIVED, never back to work.
        return moveByRule("""
                select c.id, c.flow_stage as from_stage, cast(:to as text) as to_stage, cast(:date as date) as entered_on, cast(:reason as text) as reason
                from collection_case c join (select distinct id from unnest(cast(:ids as bigint[])) as u(id)) ids on ids.id = c.id
                where case_stage_rank(c.flow_stage) < :toRank and (c.status = 'OPEN' or :terminal)""",
                null, businessDate, Map.of("ids", caseIds, "to", to.name(), "toRank", rank(to), "terminal", FlowRules.isTerminal(to),
                        "reason", reason == null ? "RULE" : reason)).length;
    }

    @Override
    @Transactional
    public Review dailyReview(long runId, LocalDate businessDate) {
        // A re-run of the date reopened cases the earlier run had closed: back to the stage they were
        // in, entered when they entered it, with the tasks that closing cancelled.
        long[] restored = moveByRule("""
                select c.id, c.flow_stage as from_stage, before.to_stage, before.business_date as entered_on, 'RERUN_CORRECTION' as reason
                from collection_case c
                join lateral (select h.moved_by, h.id from case_stage_change h where h.case_id = c.id order by h.id desc limit 1) closing on true
                join lateral (select h.to_stage, h.business_date from case_stage_change h where h.case_id = c.id and h.id < closing.id
                              order by h.id desc limit 1) before on true
                where c.status = 'OPEN' and c.flow_stage = 'CLOSED' and c.stage_entered_on = :date and closing.moved_by = 'rule'""",
                runId, businessDate, Map.of());
        taskClosing.reopenTasksCancelledByClosing(restored, businessDate);

        long closed = moveByRule("""
                select c.id, c.flow_stage as from_stage, 'CLOSED' as to_stage, cast(:date as date) as entered_on, coalesce(c.close_reason, 'CLOSED') as reason
                from collection_case c
                where c.status = 'CLOSED' and c.flow_stage not in ('CLOSED', 'ARCHIVED')""", runId, businessDate, Map.of()).length;

        StageRule closedRule = rules.get(CaseStage.CLOSED);
        long archived = !closedRule.hasLimit() ? 0 : moveByRule("""
                select c.id, c.flow_stage as from_stage, 'ARCHIVED' as to_stage, cast(:date as date) as entered_on, 'ARCHIVE_PERIOD_ENDED' as reason
                from collection_case c
                where c.flow_stage = 'CLOSED' and c.stage_entered_on < :archiveBefore""",
                runId, businessDate, Map.of("archiveBefore", businessDate.minusDays(closedRule.limitDays()))).length;

        // The daily run has graded every overdue customer (tier and bucket): that is the case's classification.
        long classified = moveByRule("""
                select c.id, c.flow_stage as from_stage, 'CLASSIFIED' as to_stage, cast(:date as date) as entered_on, 'TIER_ASSIGNED' as reason
                from collection_case c
                where c.status = 'OPEN' and c.flow_stage = 'INTAKE'
                  and exists (select 1 from customer_status s where s.run_id = :run and s.customer_id = c.customer_id and s.tier is not null)""",
                runId, businessDate, Map.of()).length;

        long escalated = escalate(runId, businessDate);
        return new Review(restored.length, closed, archived, classified, escalated);
    }

    /**
     * Open cases longer in their stage than its limit: one escalation per stage entry (the unique
     * key makes re-runs harmless) and an ESCALATION task for the stage's escalation queue, due today.
     */
    private long escalate(long runId, LocalDate businessDate) {
        List<StageRule> escalating = rules.values().stream().filter(StageRule::escalates).toList();
        if (escalating.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        with rule as (
                            select * from unnest(cast(:stages as text[]), cast(:limits as int[]), cast(:roles as text[]), cast(:queues as text[]))
                                as r(stage, limit_days, owner_role, to_queue)),
                        due as (
                            select c.id, c.flow_stage, c.stage_entered_on, c.stage_entered_on + r.limit_days as limit_on, r.owner_role, r.to_queue
                            from collection_case c join rule r on r.stage = c.flow_stage
                            where c.status = 'OPEN' and c.stage_entered_on < cast(:date as date) - r.limit_days
                              and not exists (select 1 from case_escalation e where e.case_id = c.id and e.resolved_on is null
                                              and e.stage = c.flow_stage and e.stage_entered_on = c.stage_entered_on)),
                        escalated as (
                            insert into case_escalation (case_id, stage, stage_entered_on, limit_on, escalated_on, owner_role, to_queue, run_id)
                            select id, flow_stage, stage_entered_on, limit_on, :date, owner_role, to_queue, :run from due
                            on conflict (case_id, stage, stage_entered_on) do nothing
                            returning case_id, stage, to_queue)
                        insert into task (case_id, type, step_key, due_on, due_at, queue, source, created_by_run, created_on)
                        select case_id, 'ESCALATION', 'escalation/' || stage, :date, (cast(:date as date) + cast(:dueTime as time)) at time zone :zone,
                               to_queue, 'case-flow', :run, :date
                        from escalated
                        on conflict (case_id, step_key, due_on) do nothing""")
                .param("stages", escalating.stream().map(r -> r.stage().name()).toArray(String[]::new))
                .param("limits", escalating.stream().mapToInt(StageRule::limitDays).toArray())
                .param("roles", escalating.stream().map(StageRule::ownerRole).toArray(String[]::new))
                .param("queues", escalating.stream().map(StageRule::escalationQueue).toArray(String[]::new))
                .param("date", businessDate).param("run", runId)
                .param("dueTime", taskProperties.dueTime()).param("zone", clock.zone().getId())
                .update();
    }

    /**
     * Moves the cases a query selects — columns id, from_stage, to_stage, entered_on, reason —,
     * writes one history row per moved case and resolves their escalations (they left the stage that
     * was late); returns the moved ids. The update re-checks the stage, so a case someone moved
     * meanwhile is left alone.
     */
    private long[] moveByRule(String candidates, Long runId, LocalDate businessDate, Map<String, Object> params) {
        JdbcClient.StatementSpec sql = jdbc.sql("""
                with candidate as (%s),
                moved as (
                    update collection_case c set flow_stage = k.to_stage, stage_entered_on = k.entered_on, updated_at = :now
                    from candidate k where c.id = k.id and c.flow_stage = k.from_stage
                    returning c.id, k.from_stage, k.to_stage, k.reason),
                history as (
                    insert into case_stage_change (case_id, from_stage, to_stage, business_date, moved_at, moved_by, reason, run_id)
                    select id, from_stage, to_stage, :date, :now, 'rule', reason, :run from moved),
                resolved as (
                    update case_escalation e set resolved_on = :date from moved m where e.case_id = m.id and e.resolved_on is null)
                select id from moved""".formatted(candidates))
                .param("date", businessDate).param("now", taskClosing.now()).param("run", runId, Types.BIGINT);
        for (var p : params.entrySet()) {
            sql = sql.param(p.getKey(), p.getValue());
        }
        return sql.query((rs, n) -> rs.getLong(1)).list().stream().mapToLong(Long::longValue).toArray();
    }

    @Override
    @Transactional
    public FlowState move(long caseId, CaseStage to, String reason, String by) {
        if (to == null) {
            throw new InvalidInputException("to", null, "to is required: the stage to move the case to, one of " + Arrays.toString(CaseStage.values()));
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is required to move a case by hand");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", reason.substring(0, 40) + "…", "the reason must be at most " + MAX_REASON + " characters");
        }
        var current = jdbc.sql("select status, flow_stage from collection_case where id = ? for update").param(caseId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        CaseStage from = CaseStage.valueOf(current[1]);
        if (from == to) {
            throw new ConflictException("Case " + caseId + " is already in stage " + to);
        }
        if (current[0].equals("CLOSED") && !FlowRules.isTerminal(to)) {
            throw new ConflictException("Case " + caseId + " is closed (nothing is overdue): it can only be CLOSED or ARCHIVED, not " + to);
        }
        LocalDate today = clock.today();
        jdbc.sql("update collection_case set flow_stage = :to, stage_entered_on = :date, updated_at = :now where id = :case")
                .param("to", to.name()).param("date", today).param("now", taskClosing.now()).param("case", caseId).update();
        jdbc.sql("""
                        insert into case_stage_change (case_id, from_stage, to_stage, business_date, moved_at, moved_by, reason)
                        values (:case, :from, :to, :date, :now, :by, :reason)""")
                .param("case", caseId).param("from", from.name()).param("to", to.name()).param("date", today).param("now", taskClosing.now())
                .param("by", by).param("reason", reason.strip()).update();
        jdbc.sql("update case_escalation set resolved_on = :date where case_id = :case and resolved_on is null")
                .param("date", today).param("case", caseId).update();
        if (FlowRules.isTerminal(to)) {
            taskClosing.cancelOpenTasksOfCase(caseId, today, by);
        }
        return flowOf(caseId);
    }

    @Override
    @Transactional(readOnly = true)
    public FlowState flowOf(long caseId) {
        record Current(String status, CaseStage stage, LocalDate enteredOn) {
        }
        Current current = jdbc.sql("select status, flow_stage, stage_entered_on from collection_case where id = ?").param(caseId)
                .query((rs, n) -> new Current(rs.getString(1), CaseStage.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class)))
                .optional().orElseThrow(() -> new NotFoundException("case", caseId));
        List<FlowState.StageChange> history = jdbc.sql("""
                        select from_stage, to_stage, business_date, moved_at, moved_by, reason, run_id from case_stage_change
                        where case_id = ? order by id""").param(caseId)
                .query((rs, n) -> new FlowState.StageChange(stage(rs, 1), stage(rs, 2), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getString(6), (Long) rs.getObject(7)))
                .list();
        List<FlowState.Escalation> escalations = jdbc.sql("""
                        select stage, stage_entered_on, limit_on, escalated_on, owner_role, to_queue, resolved_on from case_escalation
                        where case_id = ? order by id""").param(caseId)
                .query((rs, n) -> new FlowState.Escalation(stage(rs, 1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class),
                        rs.getObject(4, LocalDate.class), rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
                .list();
        StageRule rule = rules.get(current.stage());
        LocalDate today = clock.today();
        return new FlowState(caseId, current.status(), current.stage(), rule.ownerRole(), rule.limitDays(), current.enteredOn(),
                rule.limitOn(current.enteredOn()), StageRule.daysBetween(current.enteredOn(), today),
                rule.escalates() && current.status().equals("OPEN") && rule.overdue(current.enteredOn(), today), today, history, escalations);
    }

    private static CaseStage stage(ResultSet rs, int column) throws SQLException {
        String value = rs.getString(column);
        return value == null ? null : CaseStage.valueOf(value);
    }

    private static int rank(CaseStage stage) {
        return stage.ordinal() + 1;
    }
}
