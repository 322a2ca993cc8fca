package dev.recoup.contact.persistence;

import dev.recoup.access.ScopeCondition;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Complaints (R14): registered with the case, channel, the complainant's words and a category; a
 * first response due within 24 hours of receipt, escalated when the clock runs out unanswered; a
 * COMPLAINT_OPEN hold on the case while open, so the gate refuses contact (CN-HOLD-COMPLAINT) except
 * to answer the complaint; closed with an outcome, which lifts the hold.
 */
@Service
public class ComplaintService {

    public enum Channel { PHONE, SMS, EMAIL, LETTER, IN_PERSON, ONLINE, REGULATOR }

    public enum Category { HARASSMENT, THIRD_PARTY_DISCLOSURE, ABUSIVE_LANGUAGE, IMPERSONATION, WRONG_AMOUNT, PRIVACY, SERVICE, OTHER }

    public enum Resolution { UPHELD, PARTLY_UPHELD, NOT_UPHELD, WITHDRAWN }

    /**
     * @param secondsLeft seconds until the first response is due (negative: overdue); null once answered or closed
     * @param overdue     not answered within the first-response time
     */
    public record ComplaintView(long id, long caseId, long customerId, String channel, String category, String text, String status,
                                Instant receivedAt, String registeredBy, String assignee, Instant assignedAt, Instant firstResponseDueAt,
                                Instant firstResponseAt, String firstResponseBy, String firstResponseNote, Instant escalatedAt, boolean overdue,
                                Long secondsLeft, Instant closedAt, String closedBy, String outcome, String resolution, Long holdId) {
    }

    /** Counts for KPIs: open, overdue, escalated now; answered within the time among those received in the last 30 days. */
    public record ComplaintStats(long open, long overdue, long escalatedOpen, long receivedLast30Days, long answeredInTimeLast30Days) {
    }

    private static final String COLUMNS = """
            id, case_id, customer_id, channel, category, text, status, received_at, registered_by, assignee, assigned_at, first_response_due_at,
            first_response_at, first_response_by, first_response_note, escalated_at, closed_at, closed_by, outcome, resolution, hold_id""";

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final HoldStore holds;
    private final Duration firstResponse;

    ComplaintService(JdbcClient jdbc, BusinessClock clock, HoldStore holds,
                     @Value("${recoup.contact.complaints.first-response:PT24H}") Duration firstResponse) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.holds = holds;
        this.firstResponse = firstResponse;
    }

    @Transactional
    public ComplaintView register(long caseId, Channel channel, Category category, String text, Instant receivedAt, String by) {
        if (channel == null) {
            throw new InvalidInputException("channel", null, "channel is required, one of " + List.of(Channel.values()));
        }
        if (category == null) {
            throw new InvalidInputException("category", null, "category is required, one of " + List.of(Category.values()));
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", text, "the complaint's text is required (the complainant's words)");
        }
        if (text.length() > 10_000) {
            throw new InvalidInputException("text", text.substring(0, 40) + "…", "text is longer than 10,000 characters");
        }
        Instant now = clock.now();
        Instant received = receivedAt == null ? now : receivedAt;
        if (received.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("receivedAt", received.toString(), "a complaint cannot be received in the future");
        }
        long customerId = jdbc.sql("select customer_id from collection_case where id = ?").param(caseId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        long id = jdbc.sql("""
                        insert into complaint (case_id, customer_id, channel, category, text, status, received_at, registered_by, registered_at,
                            first_response_due_at)
                        values (?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?) returning id""")
                .params(caseId, customerId, channel.name(), category.name(), text.strip(), Timestamp.from(received), by, Timestamp.from(now),
                        Timestamp.from(received.plus(firstResponse)))
                .query(Long.class).single();
        long holdId = holds.placeForComplaint(caseId, received, id, by);
        jdbc.sql("update complaint set hold_id = ? where id = ?").params(holdId, id).update();
        return find(id);
    }

    @Transactional
    public ComplaintView assign(long id, String assignee, String by) {
        if (assignee == null || assignee.isBlank() || assignee.length() > 100) {
            throw new InvalidInputException("assignee", assignee, "assignee (a user name) is required");
        }
        open(id);
        jdbc.sql("update complaint set assignee = ?, assigned_at = ? where id = ?").params(assignee.strip(), Timestamp.from(clock.now()), id).update();
        return find(id);
    }

    /** The first response to the complainant: stops the 24-hour clock. */
    @Transactional
    public ComplaintView respond(long id, String note, String by) {
        if (note == null || note.isBlank()) {
            throw new InvalidInputException("note", note, "say what was answered");
        }
        ComplaintView c = open(id);
        if (c.firstResponseAt() != null) {
            throw new ConflictException("complaint " + id + " was first answered at " + c.firstResponseAt());
        }
        jdbc.sql("update complaint set first_response_at = ?, first_response_by = ?, first_response_note = ? where id = ?")
                .params(Timestamp.from(clock.now()), by, note.strip(), id).update();
        return find(id);
    }

    /** Closes with an outcome; the complaint's contact hold ends now. */
    @Transactional
    public ComplaintView close(long id, Resolution outcome, String resolution, String by) {
        if (outcome == null) {
            throw new InvalidInputException("outcome", null, "outcome is required, one of " + List.of(Resolution.values()));
        }
        ComplaintView c = open(id);
        Instant now = clock.now();
        jdbc.sql("""
                        update complaint set status = 'CLOSED', closed_at = ?, closed_by = ?, outcome = ?, resolution = ?,
                            first_response_at = coalesce(first_response_at, ?), first_response_by = coalesce(first_response_by, ?)
                        where id = ?""")
                .params(Timestamp.from(now), by, outcome.name(), resolution == null || resolution.isBlank() ? null : resolution.strip(),
                        Timestamp.from(now), by, id).update();
        if (c.holdId() != null) {
            holds.end(c.holdId(), "complaint " + id + " closed: " + outcome, by);
        }
        return find(id);
    }

    /**
     * Marks open complaints whose first response is overdue as escalated (once); returns how many
     * were escalated now. Runs every few minutes ({@code recoup.contact.complaints.escalation-check}).
     */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.now();
        return jdbc.sql("""
                        update complaint set escalated_at = ?
                        where status = 'OPEN' and first_response_at is null and escalated_at is null and first_response_due_at <= ?""")
                .params(Timestamp.from(now), Timestamp.from(now)).update();
    }

    @Scheduled(fixedDelayString = "${recoup.contact.complaints.escalation-check:PT5M}", initialDelayString = "PT1M")
    void scheduledEscalation() {
        escalateOverdue();
    }

    public ComplaintView find(long id) {
        return jdbc.sql("select " + COLUMNS + " from complaint where id = ?").param(id).query(mapper(clock.now())).optional()
                .orElseThrow(() -> new NotFoundException("complaint", id));
    }

    /** Open complaints by due time (the queue), or every complaint newest first. */
    public List<ComplaintView> list(boolean openOnly, Long caseId, int limit) {
        String where = (openOnly ? "status = 'OPEN'" : "true") + (caseId != null ? " and case_id = " + caseId : "");
        String order = openOnly ? "order by first_response_at nulls first, first_response_due_at, id" : "order by received_at desc, id desc";
        return jdbc.sql("select " + COLUMNS + " from complaint where " + where + " " + order + " limit ?").param(limit).query(mapper(clock.now())).list();
    }

    /**
     * The complaint queue as team leads, managers and compliance officers filter it (issue 6).
     *
     * @param status   OPEN, CLOSED, or null for both
     * @param category a {@link Category} name, or null
     * @param assignee a user name, "-" for unassigned ones, or null
     */
    public record QueueFilter(String status, String category, String assignee, boolean overdueOnly) {
    }

    /**
     * Complaints matching the filter on the cases {@code scope} keeps (dev.recoup.access.CaseScope over
     * {@code k.case_id}); open ones by due time, unanswered first, then closed ones newest first. One statement.
     */
    public List<ComplaintView> queue(QueueFilter filter, ScopeCondition scope, int limit) {
        if ("false".equals(scope.sql())) {
            return List.of();
        }
        Instant now = clock.now();
        return jdbc.sql("select " + COLUMNS + """
                         from complaint k
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:category as text) is null or category = :category)
                          and (cast(:assignee as text) is null or (:assignee = '-' and assignee is null) or assignee = :assignee)
                          and (not :overdue or (status = 'OPEN' and first_response_at is null and first_response_due_at <= :now))
                          and (%s)
                        order by status desc, first_response_at nulls first, first_response_due_at, id desc limit :limit""".formatted(scope.sql()))
                .param("status", blank(filter.status())).param("category", blank(filter.category())).param("assignee", blank(filter.assignee()))
                .param("overdue", filter.overdueOnly()).param("now", Timestamp.from(now)).param("limit", limit).params(scope.params())
                .query(mapper(now)).list();
    }

    /** Who complaints may be given to: enabled users with the compliance officer's role (the access module's users). */
    public List<String> complianceOfficers() {
        return jdbc.sql("select username from app_user where enabled and 'COMPLIANCE' = any (roles) order by username").query(String.class).list();
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public ComplaintStats stats() {
        Instant now = clock.now();
        return jdbc.sql("""
                        select count(*) filter (where status = 'OPEN'),
                               count(*) filter (where status = 'OPEN' and first_response_at is null and first_response_due_at <= ?),
                               count(*) filter (where status = 'OPEN' and escalated_at is not null),
                               count(*) filter (where received_at >= ?),
                               count(*) filter (where received_at >= ? and first_response_at <= first_response_due_at)
                        from complaint""")
                .params(Timestamp.from(now), Timestamp.from(now.minus(Duration.ofDays(30))), Timestamp.from(now.minus(Duration.ofDays(30))))
                .query((rs, n) -> new ComplaintStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5))).single();
    }

    private ComplaintView open(long id) {
        ComplaintView c = find(id);
        if (!"OPEN".equals(c.status())) {
            throw new ConflictException("complaint " + id + " is closed");
        }
        return c;
    }

    private static RowMapper<ComplaintView> mapper(Instant now) {
        return (rs, n) -> {
            Instant due = rs.getTimestamp("first_response_due_at").toInstant();
            Instant answered = LedgerStore.instant(rs.getTimestamp("first_response_at"));
            boolean open = "OPEN".equals(rs.getString("status"));
            boolean overdue = answered == null ? !due.isAfter(now) : answered.isAfter(due);
            return new ComplaintView(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("customer_id"), rs.getString("channel"),
                    rs.getString("category"), rs.getString("text"), rs.getString("status"), rs.getTimestamp("received_at").toInstant(),
                    rs.getString("registered_by"), rs.getString("assignee"), LedgerStore.instant(rs.getTimestamp("assigned_at")), due, answered,
                    rs.getString("first_response_by"), rs.getString("first_response_note"), LedgerStore.instant(rs.getTimestamp("escalated_at")),
                    overdue, open && answered == null ? Duration.between(now, due).toSeconds() : null,
                    LedgerStore.instant(rs.getTimestamp("closed_at")), rs.getString("closed_by"), rs.getString("outcome"), rs.getString("resolution"),
                    (Long) rs.getObject("hold_id"));
        };
    }
}
