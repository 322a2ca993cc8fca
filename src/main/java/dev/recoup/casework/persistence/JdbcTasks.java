package dev.recoup.casework.persistence;

import dev.recoup.shared.CopyRowWriter;

import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.ManualTask;
import dev.recoup.casework.Task;
import dev.recoup.casework.TaskDraft;
import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.TaskPage;
import dev.recoup.casework.TaskQuery;
import dev.recoup.casework.TaskStats;
import dev.recoup.casework.TaskStatus;
import dev.recoup.casework.Tasks;
import dev.recoup.casework.domain.DueTime;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Tasks in SQL. The daily run's paths are set-based: drafts stream in with COPY into a temporary
 * table and become tasks in one INSERT … ON CONFLICT DO NOTHING on (case, step key, due date);
 * cancelling and expiring are one UPDATE each.
 */
@Service
class JdbcTasks implements Tasks {

    private static final int FLUSH_BYTES = 1 << 20;
    private static final Pattern TYPE = Pattern.compile("[A-Z][A-Z0-9_]{1,39}");
    private static final int MAX_TEXT = 100;
    private static final int MAX_NOTE = 2000;
    private static final String COLUMNS = """
            id, case_id, type, step_key, due_on, due_at, queue, owner, status, outcome, outcome_note, template, note, source,
            created_by_run, created_on, completed_at, completed_by, closed_on, on_time, cancel_reason""";
    private static final RowMapper<Task> TASK = (rs, n) -> new Task(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"),
            rs.getString("step_key"), rs.getObject("due_on", LocalDate.class), rs.getObject("due_at", OffsetDateTime.class),
            rs.getString("queue"), rs.getString("owner"), TaskStatus.valueOf(rs.getString("status")), rs.getString("outcome"),
            rs.getString("outcome_note"), rs.getString("template"), rs.getString("note"), rs.getString("source"),
            (Long) rs.getObject("created_by_run"), rs.getObject("created_on", LocalDate.class), rs.getObject("completed_at", OffsetDateTime.class),
            rs.getString("completed_by"), rs.getObject("closed_on", LocalDate.class), (Boolean) rs.getObject("on_time"),
            rs.getString("cancel_reason"));

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final BusinessClock clock;
    private final TaskProperties properties;
    private final TaskClosing closing;
    private final CaseFlow flow;

    JdbcTasks(JdbcClient jdbc, DataSource dataSource, BusinessClock clock, TaskProperties properties, TaskClosing closing, CaseFlow flow) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.clock = clock;
        this.properties = properties;
        this.closing = closing;
        this.flow = flow;
    }

    @Override
    @Transactional
    public long createDue(long runId, LocalDate businessDate, Iterator<TaskDraft> drafts) {
        jdbc.sql("""
                create temp table if not exists task_draft (
                    case_id bigint, type text, step_key text, due_on date, queue text, template text, source text) on commit drop""").update();
        jdbc.sql("truncate task_draft").update();
        if (copy(drafts) == 0) {
            return 0;
        }
        return jdbc.sql("""
                        insert into task (case_id, type, step_key, due_on, due_at, queue, template, source, created_by_run, created_on)
                        select d.case_id, d.type, d.step_key, d.due_on, (d.due_on + cast(:dueTime as time)) at time zone :zone,
                               d.queue, d.template, d.source, :run, :date
                        from task_draft d
                        where exists (select 1 from collection_case c where c.id = d.case_id and c.status = 'OPEN'
                                      and c.flow_stage not in ('CLOSED', 'ARCHIVED'))
                        on conflict (case_id, step_key, due_on) do nothing""")
                .param("dueTime", properties.dueTime()).param("zone", clock.zone().getId()).param("run", runId).param("date", businessDate)
                .update();
    }

    /** COPYs the drafts into task_draft on the transaction's own connection; returns how many. */
    private long copy(Iterator<TaskDraft> drafts) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyIn in = connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy task_draft (case_id, type, step_key, due_on, queue, template, source) from stdin");
            try {
                CopyRowWriter rows = new CopyRowWriter(1 << 20);
                long count = 0;
                while (drafts.hasNext()) {
                    TaskDraft d = checked(drafts.next(), count);
                    rows.add(d.caseId()).add(d.type()).add(d.stepKey()).add(d.dueOn()).add(d.queue()).add(d.template()).add(d.source()).end();
                    count++;
                    if (rows.bufferedBytes() >= FLUSH_BYTES) {
                        byte[] bytes = rows.drain();
                        in.writeToCopy(bytes, 0, bytes.length);
                    }
                }
                byte[] bytes = rows.drain();
                in.writeToCopy(bytes, 0, bytes.length);
                in.endCopy();
                return count;
            } finally {
                if (in.isActive()) {
                    in.cancelCopy();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy task drafts", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static TaskDraft checked(TaskDraft d, long index) {
        if (d == null || d.caseId() <= 0 || d.type() == null || d.stepKey() == null || d.dueOn() == null || d.queue() == null || d.source() == null) {
            throw new IllegalArgumentException("Task draft #" + index + " lacks a case id, type, step key, due date, queue or source: " + d);
        }
        return d;
    }

    @Override
    @Transactional
    public long cancelForStageChange(long[] caseIds, LocalDate businessDate, String reason) {
        if (caseIds == null || caseIds.length == 0) {
            return 0;
        }
        return jdbc.sql("""
                        update task set status = 'CANCELLED', cancel_reason = :reason, closed_on = :date, completed_at = :now, completed_by = 'rule'
                        where case_id = any(:cases) and status = 'OPEN' and created_by_run is not null and type <> 'ESCALATION'""")
                .param("reason", reason == null || reason.isBlank() ? "STAGE_CHANGED" : reason).param("date", businessDate)
                .param("now", closing.now()).param("cases", caseIds).update();
    }

    @Override
    @Transactional
    public long closeStaleTasks(long runId, LocalDate businessDate) {
        // Tasks are only created on open cases, and a person closing a case cancels its tasks at once:
        // so the cases to look at are those closed by this run — moved to CLOSED today by the flow
        // review, or not yet (when called before it) — not every case ever closed. Their ids as an
        // array make the plan probe the tasks by case even when the table's statistics are stale
        // (tasks created earlier in the same transaction), instead of visiting every open task.
        long cancelled = jdbc.sql("""
                        update task set status = 'CANCELLED', cancel_reason = :reason, closed_on = :date, completed_at = :now, completed_by = 'rule'
                        where status = 'OPEN' and case_id = any (array(
                            select c.id from collection_case c
                            where (c.flow_stage in ('CLOSED', 'ARCHIVED') and c.stage_entered_on = :date)
                               or (c.status = 'CLOSED' and c.flow_stage not in ('CLOSED', 'ARCHIVED'))))""")
                .param("reason", TaskClosing.CASE_CLOSED).param("date", businessDate).param("now", closing.now()).update();
        long expired = jdbc.sql("""
                        update task set status = 'EXPIRED', closed_on = :date, completed_at = :now, completed_by = 'rule'
                        where status = 'OPEN' and due_on < :cutoff""")
                .param("date", businessDate).param("now", closing.now()).param("cutoff", businessDate.minusDays(properties.expireAfterDays()))
                .update();
        return cancelled + expired;
    }

    @Override
    @Transactional
    public Task create(long caseId, ManualTask task, String by) {
        if (task == null) {
            throw new InvalidInputException("type", null, "a task needs a type, a due date and a queue or an owner");
        }
        if (task.type() == null || !TYPE.matcher(task.type()).matches() || task.type().equals("ESCALATION")) {
            throw new InvalidInputException("type", task.type(),
                    "type must be a code of 2 to 40 capital letters, digits or _ (e.g. AGENT_CALL, FIELD_VISIT); ESCALATION is the case flow's own");
        }
        LocalDate today = clock.today();
        if (task.dueOn() == null) {
            throw new InvalidInputException("dueOn", null, "dueOn is required, as YYYY-MM-DD");
        }
        if (task.dueOn().isBefore(today)) {
            throw new InvalidInputException("dueOn", task.dueOn().toString(), "dueOn must be today (" + today + ") or later");
        }
        String queue = blankToNull(task.queue()), owner = blankToNull(task.owner());
        if (queue == null && owner == null) {
            throw new InvalidInputException("queue", task.queue(), "a task needs a queue or an owner");
        }
        checkLength("queue", queue, MAX_TEXT);
        checkLength("owner", owner, MAX_TEXT);
        checkLength("note", task.note(), MAX_NOTE);
        String[] current = jdbc.sql("select status, flow_stage from collection_case where id = ?").param(caseId)
                .query((rs, n) -> new String[]{rs.getString(1), rs.getString(2)}).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        if (current[0].equals("CLOSED") || current[1].equals("CLOSED") || current[1].equals("ARCHIVED")) {
            throw new ConflictException("Case " + caseId + " is closed; tasks go on open cases only");
        }
        long id = jdbc.sql("""
                        insert into task (id, case_id, type, step_key, due_on, due_at, queue, owner, note, source, created_on) overriding system value
                        select n, :case, :type, 'manual/' || n, :dueOn, (cast(:dueOn as date) + cast(:dueTime as time)) at time zone :zone,
                               :queue, :owner, :note, :by, :today
                        from (select nextval(pg_get_serial_sequence('task', 'id')) as n) s
                        returning id""")
                .param("case", caseId).param("type", task.type()).param("dueOn", task.dueOn()).param("dueTime", properties.dueTime())
                .param("zone", clock.zone().getId()).param("queue", queue).param("owner", owner).param("note", blankToNull(task.note()))
                .param("by", by).param("today", today)
                .query(Long.class).single();
        return find(id);
    }

    @Override
    @Transactional
    public Task complete(long taskId, TaskOutcome outcome, String note, String by) {
        if (outcome == null) {
            throw new InvalidInputException("outcome", null, "outcome is required, one of " + TaskOutcome.codes());
        }
        checkLength("note", note, MAX_NOTE);
        Task task = lockOpen(taskId);
        var now = clock.now();
        LocalDate today = clock.today();
        jdbc.sql("""
                        update task set status = 'DONE', outcome = :outcome, outcome_note = :note, completed_at = :now, completed_by = :by,
                                        closed_on = :today, on_time = :onTime
                        where id = :id""")
                .param("outcome", outcome.name()).param("note", blankToNull(note)).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("by", by).param("today", today).param("onTime", DueTime.onTime(now, task.dueAt().toInstant())).param("id", taskId)
                .update();
        if (outcome.advancesTo() != null) {
            flow.advanceByRule(new long[]{task.caseId()}, outcome.advancesTo(), today, outcome.name());
        }
        return find(taskId);
    }

    @Override
    @Transactional
    public Task cancel(long taskId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is required to cancel a task");
        }
        checkLength("reason", reason, MAX_NOTE);
        lockOpen(taskId);
        jdbc.sql("""
                        update task set status = 'CANCELLED', cancel_reason = :reason, completed_at = :now, completed_by = :by, closed_on = :today
                        where id = :id""")
                .param("reason", reason.strip()).param("now", closing.now()).param("by", by).param("today", clock.today()).param("id", taskId)
                .update();
        return find(taskId);
    }

    @Override
    @Transactional
    public List<Long> completeAll(List<Completion> completions, String by) {
        if (completions == null || completions.isEmpty()) {
            return List.of();
        }
        int n = completions.size();
        Long[] ids = new Long[n];
        String[] outcomes = new String[n], notes = new String[n];
        for (int i = 0; i < n; i++) {
            Completion c = completions.get(i);
            if (c.outcome() == null) {
                throw new InvalidInputException("outcome", null, "outcome is required, one of " + TaskOutcome.codes());
            }
            checkLength("note", c.note(), MAX_NOTE);
            ids[i] = c.taskId();
            outcomes[i] = c.outcome().name();
            notes[i] = blankToNull(c.note());
        }
        LocalDate today = clock.today();
        record Done(long id, long caseId, TaskOutcome outcome) {
        }
        List<Done> done = jdbc.sql("""
                        update task t set status = 'DONE', outcome = u.outcome, outcome_note = u.note, completed_at = :now, completed_by = :by,
                                          closed_on = :today, on_time = (:now <= t.due_at)
                        from unnest(cast(:ids as bigint[]), cast(:outcomes as text[]), cast(:notes as text[])) as u(id, outcome, note)
                        where t.id = u.id and t.status = 'OPEN'
                        returning t.id, t.case_id, t.outcome""")
                .param("now", closing.now()).param("by", by).param("today", today).param("ids", ids).param("outcomes", outcomes)
                .param("notes", notes)
                .query((rs, row) -> new Done(rs.getLong(1), rs.getLong(2), TaskOutcome.valueOf(rs.getString(3)))).list();
        // Outcomes that say where the case stands move it forward, as complete() does: one call per such outcome.
        Map<TaskOutcome, java.util.SortedSet<Long>> advancing = new java.util.EnumMap<>(TaskOutcome.class);
        for (Done d : done) {
            if (d.outcome().advancesTo() != null) {
                advancing.computeIfAbsent(d.outcome(), o -> new java.util.TreeSet<>()).add(d.caseId());
            }
        }
        advancing.forEach((outcome, cases) -> flow.advanceByRule(cases.stream().mapToLong(Long::longValue).toArray(), outcome.advancesTo(), today,
                outcome.name()));
        return done.stream().map(Done::id).sorted().toList();
    }

    @Override
    @Transactional
    public List<Long> cancelAll(List<Cancellation> cancellations, String by) {
        if (cancellations == null || cancellations.isEmpty()) {
            return List.of();
        }
        int n = cancellations.size();
        Long[] ids = new Long[n];
        String[] reasons = new String[n];
        for (int i = 0; i < n; i++) {
            Cancellation c = cancellations.get(i);
            if (c.reason() == null || c.reason().isBlank()) {
                throw new InvalidInputException("reason", c.reason(), "a reason is required to cancel a task");
            }
            checkLength("reason", c.reason(), MAX_NOTE);
            ids[i] = c.taskId();
            reasons[i] = c.reason().strip();
        }
        return jdbc.sql("""
                        update task t set status = 'CANCELLED', cancel_reason = u.reason, completed_at = :now, completed_by = :by, closed_on = :today
                        from unnest(cast(:ids as bigint[]), cast(:reasons as text[])) as u(id, reason)
                        where t.id = u.id and t.status = 'OPEN'
                        returning t.id""")
                .param("now", closing.now()).param("by", by).param("today", clock.today()).param("ids", ids).param("reasons", reasons)
                .query(Long.class).list().stream().sorted().toList();
    }

    @Override
    @Transactional
    public boolean reviseOutcome(long taskId, TaskOutcome expected, TaskOutcome outcome, String note, String by) {
        if (expected == null || outcome == null) {
            throw new InvalidInputException("outcome", null, "the expected and the new outcome are required, each one of " + TaskOutcome.codes());
        }
        String line = blankToNull(note);
        String added = line == null ? null : line + " (" + by + ")";
        return jdbc.sql("""
                        update task set outcome = :outcome,
                                        outcome_note = left(concat_ws(E'\\n', outcome_note, cast(:added as text)), :max)
                        where id = :id and status = 'DONE' and outcome = :expected""")
                .param("outcome", outcome.name()).param("added", added).param("max", MAX_NOTE).param("id", taskId).param("expected", expected.name())
                .update() == 1;
    }

    private Task lockOpen(long taskId) {
        Task task = jdbc.sql("select " + COLUMNS + " from task where id = ? for update").param(taskId).query(TASK).optional()
                .orElseThrow(() -> new NotFoundException("task", taskId));
        if (task.status() != TaskStatus.OPEN) {
            throw new ConflictException("Task " + taskId + " is " + task.status() + ", not open");
        }
        return task;
    }

    @Override
    @Transactional(readOnly = true)
    public Task find(long taskId) {
        return jdbc.sql("select " + COLUMNS + " from task where id = ?").param(taskId).query(TASK).optional()
                .orElseThrow(() -> new NotFoundException("task", taskId));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Task> ofCase(long caseId) {
        List<Task> found = jdbc.sql("select " + COLUMNS + " from task where case_id = ?"
                        + " order by status <> 'OPEN', case when status = 'OPEN' then due_on end, due_on desc, id desc")
                .param(caseId).query(TASK).list();
        // No task: a case without any, or no such case (only then is the case looked up).
        if (found.isEmpty() && !jdbc.sql("select exists (select 1 from collection_case where id = ?)").param(caseId).query(Boolean.class).single()) {
            throw new NotFoundException("case", caseId);
        }
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public TaskPage search(TaskQuery query) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (query.queue() != null) {
            where.add("queue = :queue");
            params.put("queue", query.queue());
        }
        if (query.owner() != null) {
            where.add("owner = :owner");
            params.put("owner", query.owner());
        }
        if (query.status() != null) {
            // A literal, so the planner can use the indexes of open tasks.
            where.add("status = '" + query.status().name() + "'");
        }
        if (query.dueBy() != null) {
            where.add("due_on <= :dueBy");
            params.put("dueBy", query.dueBy());
        }
        if (!query.scope().unrestricted()) {
            where.add(query.scope().sql());
            params.putAll(query.scope().params());
        }
        String filter = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from task" + filter).params(params).query(Long.class).single();
        List<Task> tasks = jdbc.sql("select " + COLUMNS + " from task" + filter + " order by due_on, id limit :size offset :offset")
                .params(params).param("size", query.size()).param("offset", (long) query.page() * query.size()).query(TASK).list();
        return new TaskPage(tasks, query.page(), query.size(), total);
    }

    @Override
    @Transactional(readOnly = true)
    public TaskStats stats(long caseId) {
        return jdbc.sql("""
                        select case_id, open, done, done_on_time, done_late, expired, cancelled, follow_ups from case_task_stats where case_id = ?""")
                .param(caseId)
                .query((rs, n) -> new TaskStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8)))
                .optional().orElse(new TaskStats(caseId, 0, 0, 0, 0, 0, 0, 0));
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> openTasksByQueue() {
        Map<String, Long> queues = new LinkedHashMap<>();
        jdbc.sql("select queue, count(*) from task where status = 'OPEN' and queue is not null group by queue order by queue")
                .query(rs -> {
                    queues.put(rs.getString(1), rs.getLong(2));
                });
        return queues;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static void checkLength(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInputException(field, value.substring(0, 40) + "…", field + " must be at most " + max + " characters");
        }
    }
}
