package dev.recoup.workbench.persistence;

import dev.recoup.shared.JdbcRows;
import dev.recoup.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The workbench's own rows: calls worked from the case page, and notes on cases. */
@Repository
public class CallStore {

    private static final int MAX_NOTE = 4000;

    private final JdbcClient jdbc;

    public CallStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Call(long id, long caseId, long contactId, long attemptId, String agent, Instant startedAt, Instant identityVerifiedAt,
                       int failedVerifications) {

        public boolean verified() {
            return identityVerifiedAt != null;
        }
    }

    public long start(long caseId, long contactId, long attemptId, String agent, Instant at) {
        return jdbc.sql("insert into workbench_call (case_id, contact_id, attempt_id, agent, started_at) values (?, ?, ?, ?, ?) returning id")
                .params(caseId, contactId, attemptId, agent, java.sql.Timestamp.from(at)).query(Long.class).single();
    }

    /** The agent's call on the case that has not been logged yet, if any. */
    public Optional<Call> open(String agent, long caseId) {
        return jdbc.sql("""
                select id, case_id, contact_id, attempt_id, agent, started_at, identity_verified_at, failed_verifications
                from workbench_call where agent = ? and case_id = ? and ended_at is null order by id desc limit 1""")
                .params(agent, caseId).query(CallStore::call).optional();
    }

    public Optional<Call> find(long id) {
        return jdbc.sql("""
                select id, case_id, contact_id, attempt_id, agent, started_at, identity_verified_at, failed_verifications
                from workbench_call where id = ?""").param(id).query(CallStore::call).optional();
    }

    public void verified(long callId, Instant at) {
        jdbc.sql("update workbench_call set identity_verified_at = ?, identity_method = 'NAME_AND_ID_LAST4' where id = ?")
                .params(java.sql.Timestamp.from(at), callId).update();
    }

    public void failedVerification(long callId) {
        jdbc.sql("update workbench_call set failed_verifications = failed_verifications + 1 where id = ?").param(callId).update();
    }

    public void end(long callId, String outcome, String disposition, String cause, String note, Long promiseId, Instant at) {
        jdbc.sql("""
                        update workbench_call set outcome = ?, disposition = ?, delinquency_cause = ?, note = ?, promise_id = ?, ended_at = ?
                        where id = ? and ended_at is null""")
                .params(outcome, disposition, cause, note, promiseId, java.sql.Timestamp.from(at), callId).update();
    }

    public long addNote(long caseId, String body, String by, Instant at) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > MAX_NOTE) {
            throw new InvalidInputException("note", text.length() > 40 ? text.substring(0, 40) + "…" : text, "a note has 1–" + MAX_NOTE + " characters");
        }
        return jdbc.sql("insert into case_note (case_id, body, written_by, written_at) values (?, ?, ?, ?) returning id")
                .params(caseId, text, by, java.sql.Timestamp.from(at)).query(Long.class).single();
    }

    public List<Map<String, Object>> notes(long caseId) {
        return jdbc.sql("select id, body, written_by, written_at from case_note where case_id = ? order by id desc limit 50").param(caseId)
                .query().listOfRows().stream().map(JdbcRows::plain).toList();
    }

    private static Call call(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        java.sql.Timestamp verified = rs.getTimestamp("identity_verified_at");
        return new Call(rs.getLong("id"), rs.getLong("case_id"), rs.getLong("contact_id"), rs.getLong("attempt_id"), rs.getString("agent"),
                rs.getTimestamp("started_at").toInstant(), verified == null ? null : verified.toInstant(), rs.getInt("failed_verifications"));
    }
}
