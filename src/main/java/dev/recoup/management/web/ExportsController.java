package dev.recoup.management.web;

import dev.recoup.access.AuditLog;
import dev.recoup.access.CaseScope;
import dev.recoup.access.PersonalData;
import dev.recoup.access.ScopeCondition;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.agreements.KeptRate;
import dev.recoup.agreements.Promises;
import dev.recoup.management.TeamsInView;
import dev.recoup.management.persistence.DayFigures;
import dev.recoup.management.persistence.TeamQueueStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Excel (XLSX) exports of the lists team leads and managers take away (ADR 0019): the team queue,
 * the case list, approvals, complaints, promises and their kept rate, the day's figures. Each is
 * scoped like its page (a team lead gets its teams' cases only), masks national IDs and phone numbers
 * through {@link PersonalData} for whoever may not see them, streams its rows, and is recorded in the
 * audit log with its filters and row count.
 */
@Controller
class ExportsController {

    /** Excel's own limit is 1,048,576 rows; a list longer than this is cut and says so in its file name. */
    static final int MAX_ROWS = 500_000;

    private final Viewers viewers;
    private final CaseScope scope;
    private final PersonalData personal;
    private final AuditLog audit;
    private final MessageSource messages;
    private final TeamQueueStore queues;
    private final DayFigures figures;
    private final Promises promises;
    private final BusinessClock clock;
    private final NamedParameterJdbcTemplate streaming;
    private final TransactionTemplate readOnly;

    ExportsController(Viewers viewers, CaseScope scope, PersonalData personal, AuditLog audit, MessageSource messages, TeamQueueStore queues,
                      DayFigures figures, Promises promises, BusinessClock clock, DataSource dataSource, PlatformTransactionManager transactions) {
        this.viewers = viewers;
        this.scope = scope;
        this.personal = personal;
        this.audit = audit;
        this.messages = messages;
        this.queues = queues;
        this.figures = figures;
        this.promises = promises;
        this.clock = clock;
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(5_000);
        template.setMaxRows(MAX_ROWS);
        this.streaming = new NamedParameterJdbcTemplate(template);
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    @GetMapping("/exports/team-queue.xlsx")
    void teamQueue(@RequestParam(required = false) Long team, @RequestParam(required = false) Long agent, Locale locale,
                   HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        long[] teams = teamsAsked(viewer, team);
        Map<String, Object> params = new HashMap<>();
        params.put("ids", teams);
        params.put("agent", agent);
        params.put("limit", MAX_ROWS);
        try (XlsxSheet sheet = open(response, "team-queue", locale, "case", "customer", "idNumber", "agent", "tier", "segment", "overdue",
                "assignedOn", "reviewOn", "method")) {
            if (teams.length > 0) {
                readOnly.executeWithoutResult(status -> streaming.query(TeamQueueStore.CASES, params, (ResultSet rs) -> {
                    TeamQueueStore.QueuedCase c = TeamQueueStore.queuedCase(rs);
                    sheet.row(c.caseId(), c.customerName(), personal.idNumber(viewer, c.idNumber()), c.agentName(), c.tier(), c.segment(),
                            new XlsxSheet.Yuan(c.overdueFen()), c.assignedOn(), c.reviewOn(), c.method());
                }));
            }
            record(viewer, "team-queue", "team=" + team + " agent=" + agent, sheet.rows());
        }
    }

    /** The open cases the person may see, with their current worker (one streaming statement). */
    @GetMapping("/exports/cases.xlsx")
    void cases(Locale locale, HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        TeamsInView.of(viewer);
        ScopeCondition visible = scope.casesVisibleTo(viewer, "c.id");
        try (XlsxSheet sheet = open(response, "cases", locale, "case", "customerRef", "customer", "idNumber", "phone", "openedOn", "agent",
                "team", "overdue")) {
            readOnly.executeWithoutResult(status -> streaming.query("""
                    select c.id, cu.customer_ref, cu.name, cu.id_number,
                           (select ct.phone from contact ct where ct.customer_id = cu.id and ct.role = 'self' order by ct.id limit 1) as phone,
                           c.opened_on, coalesce(g.name, y.name) as worker, t.code as team, a.overdue_at_assignment
                    from collection_case c
                    join customer cu on cu.id = c.customer_id
                    left join case_assignment a on a.case_id = c.id and a.ended_on is null
                    left join agent g on g.id = a.agent_id
                    left join agency y on y.id = a.agency_id
                    left join team t on t.id = a.team_id
                    where c.status = 'OPEN' and (%s)
                    order by c.id""".formatted(visible.sql()), visible.params(), (ResultSet rs) -> {
                sheet.row(rs.getLong(1), rs.getString(2), rs.getString(3), personal.idNumber(viewer, rs.getString(4)),
                        personal.phone(viewer, rs.getString(5)), rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8),
                        rs.getObject(9) == null ? null : new XlsxSheet.Yuan(rs.getLong(9)));
            }));
            record(viewer, "cases", "status=OPEN", sheet.rows());
        }
    }

    /** Approval requests on visible cases: pending ones and those of the last 90 days, with every decision. */
    @GetMapping("/exports/approvals.xlsx")
    void approvals(Locale locale, HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        TeamsInView.of(viewer);
        ScopeCondition visible = scope.casesVisibleTo(viewer, "r.case_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("since", clock.today().minusDays(90).atStartOfDay(clock.zone()).toOffsetDateTime());
        try (XlsxSheet sheet = open(response, "approvals", locale, "id", "kind", "case", "customer", "amount", "status", "levels",
                "requestedBy", "requestedAt", "decisions")) {
            readOnly.executeWithoutResult(status -> streaming.query("""
                    select r.id, r.kind, r.case_id, cu.name, r.amount, r.status, r.levels_approved || '/' || r.levels_required,
                           r.requested_by, r.requested_at,
                           (select string_agg(d.level || '. ' || d.level_name || ' ' || d.decided_by || ' ' || d.decision || ': ' || d.reason,
                                              '; ' order by d.level)
                            from approval_decision d where d.approval_id = r.id) as decisions
                    from approval_request r
                    join collection_case c on c.id = r.case_id
                    join customer cu on cu.id = c.customer_id
                    where (r.status = 'PENDING' or r.requested_at >= :since) and (%s)
                    order by r.id desc""".formatted(visible.sql()), params, (ResultSet rs) -> {
                sheet.row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), new XlsxSheet.Yuan(rs.getLong(5)), rs.getString(6),
                        rs.getString(7), rs.getString(8), rs.getTimestamp(9).toInstant(), rs.getString(10));
            }));
            record(viewer, "approvals", "pending or last 90 days", sheet.rows());
        }
    }

    /** Complaints on visible cases: open ones and those received in the last 90 days. */
    @GetMapping("/exports/complaints.xlsx")
    void complaints(Locale locale, HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        TeamsInView.of(viewer);
        ScopeCondition visible = scope.casesVisibleTo(viewer, "k.case_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("since", java.sql.Timestamp.from(clock.today().minusDays(90).atStartOfDay(clock.zone()).toInstant()));
        try (XlsxSheet sheet = open(response, "complaints", locale, "id", "case", "customer", "idNumber", "channel", "category", "status",
                "receivedAt", "dueAt", "answeredAt", "assignee", "outcome", "text")) {
            readOnly.executeWithoutResult(status -> streaming.query("""
                    select k.id, k.case_id, cu.name, cu.id_number, k.channel, k.category, k.status, k.received_at, k.first_response_due_at,
                           k.first_response_at, k.assignee, k.outcome, k.text
                    from complaint k join customer cu on cu.id = k.customer_id
                    where (k.status = 'OPEN' or k.received_at >= :since) and (%s)
                    order by k.first_response_due_at, k.id""".formatted(visible.sql()), params, (ResultSet rs) -> {
                sheet.row(rs.getLong(1), rs.getLong(2), rs.getString(3), personal.idNumber(viewer, rs.getString(4)), rs.getString(5),
                        rs.getString(6), rs.getString(7), instant(rs, 8), instant(rs, 9), instant(rs, 10), rs.getString(11), rs.getString(12),
                        rs.getString(13));
            }));
            record(viewer, "complaints", "open or last 90 days", sheet.rows());
        }
    }

    /** Promises recorded in a period (default the last 30 days) on visible cases. */
    @GetMapping("/exports/promises.xlsx")
    void promiseList(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
                     HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        TeamsInView.of(viewer);
        LocalDate end = to != null ? to : clock.today();
        LocalDate start = from != null ? from : end.minusDays(30);
        period(start, end);
        ScopeCondition visible = scope.casesVisibleTo(viewer, "p.case_id");
        Map<String, Object> params = new HashMap<>(visible.params());
        params.put("start", start);
        params.put("end", end);
        try (XlsxSheet sheet = open(response, "promises", locale, "id", "case", "customer", "agent", "team", "recordedOn", "promisedOn",
                "amount", "paid", "status", "channel")) {
            readOnly.executeWithoutResult(status -> streaming.query("""
                    select p.id, p.case_id, cu.name, g.name, t.code, p.recorded_on, p.promised_on, p.amount, p.paid, p.status, p.channel
                    from promise p
                    join customer cu on cu.id = p.customer_id
                    left join agent g on g.id = p.agent_id
                    left join team t on t.id = p.team_id
                    where p.recorded_on between :start and :end and (%s)
                    order by p.recorded_on, p.id""".formatted(visible.sql()), params, (ResultSet rs) -> {
                sheet.row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getObject(6, LocalDate.class),
                        rs.getObject(7, LocalDate.class), new XlsxSheet.Yuan(rs.getLong(8)), new XlsxSheet.Yuan(rs.getLong(9)), rs.getString(10),
                        rs.getString(11));
            }));
            record(viewer, "promises", start + ".." + end, sheet.rows());
        }
    }

    /** The PTP kept rate by agent and by team over promises due in a period, as on the kept-rate page. */
    @GetMapping("/exports/kept-rate.xlsx")
    void keptRate(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Locale locale,
                  HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        Set<Long> teams = TeamsInView.of(viewer);
        LocalDate end = to != null ? to : clock.today();
        LocalDate start = from != null ? from : end.minusDays(30);
        period(start, end);
        // A team lead sees its own teams' rows (and its agents'): rows are keyed by team code.
        Set<String> codes = teams == null ? null : Set.copyOf(queues.teams(TeamsInView.array(teams)).stream().map(TeamQueueStore.Team::code).toList());
        try (XlsxSheet sheet = open(response, "kept-rate", locale, "by", "key", "name", "team", "made", "open", "kept", "partlyKept", "broken",
                "cancelled", "promised", "paidAmount", "keptRate")) {
            for (Promises.By by : Promises.By.values()) {
                for (KeptRate k : promises.keptRates(by, start, end)) {
                    String team = by == Promises.By.TEAM ? k.key() : k.team();
                    if (codes != null && !codes.contains(team)) {
                        continue;
                    }
                    sheet.row(by.name(), k.key(), k.name(), k.team(), k.made(), k.open(), k.kept(), k.partlyKept(), k.broken(), k.cancelled(),
                            new XlsxSheet.Yuan(k.promisedMinor()), new XlsxSheet.Yuan(k.paidMinor()), k.keptRate());
                }
            }
            record(viewer, "kept-rate", start + ".." + end, sheet.rows());
        }
    }

    /** The day's figures by agent, then by team, then the total, as on the dashboard. */
    @GetMapping("/exports/today.xlsx")
    void today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale,
               HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        Set<Long> teams = TeamsInView.of(viewer);
        LocalDate day = date != null ? date : clock.today();
        List<DayFigures.AgentDay> agents = figures.byAgent(day, clock.zone(), TeamsInView.array(teams));
        try (XlsxSheet sheet = open(response, "today-" + day, locale, "level", "team", "agent", "contacts", "rightParty", "promises",
                "promised", "recovered")) {
            for (DayFigures.AgentDay a : agents) {
                sheet.row(text(locale, "agent"), a.teamCode(), a.agentName(), a.contacts(), a.rightParty(), a.promises(),
                        new XlsxSheet.Yuan(a.promisedFen()), new XlsxSheet.Yuan(a.recoveredFen()));
            }
            for (DayFigures.AgentDay t : DayFigures.byTeam(agents)) {
                sheet.row(text(locale, "team"), t.teamCode(), null, t.contacts(), t.rightParty(), t.promises(),
                        new XlsxSheet.Yuan(t.promisedFen()), new XlsxSheet.Yuan(t.recoveredFen()));
            }
            DayFigures.AgentDay total = DayFigures.total(agents);
            sheet.row(text(locale, "total"), null, null, total.contacts(), total.rightParty(), total.promises(),
                    new XlsxSheet.Yuan(total.promisedFen()), new XlsxSheet.Yuan(total.recoveredFen()));
            record(viewer, "today", "date=" + day, sheet.rows());
        }
    }

    /** The causes of delinquency debtors gave, on the day and over the 30 days to it, as on the dashboard. */
    @GetMapping("/exports/causes.xlsx")
    void causes(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Locale locale,
                HttpServletResponse response) throws IOException {
        Viewer viewer = viewers.current();
        LocalDate day = date != null ? date : clock.today();
        try (XlsxSheet sheet = open(response, "causes-" + day, locale, "cause", "onTheDay", "lastThirtyDays")) {
            for (DayFigures.CauseCount c : figures.causes(day, clock.zone(), TeamsInView.array(TeamsInView.of(viewer)))) {
                sheet.row(messages.getMessage("workbench.cause." + c.cause(), null, c.cause(), locale), c.onTheDay(), c.lastThirtyDays());
            }
            record(viewer, "causes", "date=" + day, sheet.rows());
        }
    }

    private long[] teamsAsked(Viewer viewer, Long team) {
        Set<Long> teams = TeamsInView.of(viewer);
        if (team != null) {
            if (teams != null && !teams.contains(team)) {
                throw new dev.recoup.shared.ForbiddenException("team " + team + " is not one of yours");
            }
            return new long[]{team};
        }
        return teams == null ? queues.teams(null).stream().mapToLong(TeamQueueStore.Team::id).toArray() : TeamsInView.array(teams);
    }

    private static void period(LocalDate start, LocalDate end) {
        if (start.isAfter(end)) {
            throw new InvalidInputException("from", start.toString(), "must not be after to (" + end + ")");
        }
        if (start.plusDays(366).isBefore(end)) {
            throw new InvalidInputException("from", start.toString(), "a period is at most a year");
        }
    }

    private XlsxSheet open(HttpServletResponse response, String name, Locale locale, String... columns) {
        String file = name + "-" + clock.today() + ".xlsx";
        response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + file + "\"; filename*=UTF-8''"
                + URLEncoder.encode(file, StandardCharsets.UTF_8));
        try {
            return new XlsxSheet(response.getOutputStream(), name, Arrays.stream(columns).map(c -> text(locale, c)).toList(), clock.zone());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String text(Locale locale, String column) {
        return messages.getMessage("export.col." + column, null, column, locale);
    }

    private void record(Viewer viewer, String list, String filters, int rows) {
        audit.record(viewer, "EXPORT", "list", list, filters + "; rows=" + rows + "; unmasked=" + personal.seesUnmasked(viewer));
    }

    private static java.time.Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
