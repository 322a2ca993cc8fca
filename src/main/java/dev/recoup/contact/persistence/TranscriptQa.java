package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.TranscriptScanner;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Transcript QA (R12): a transcript uploaded for a ledger attempt (or posted by a speech-to-text
 * adapter) is scanned at once — forbidden wording by our side, a debt detail told before any identity
 * check — and every finding goes to the compliance review queue with its passage.
 */
@Service
public class TranscriptQa {

    public enum Source { UPLOAD, SPEECH_TO_TEXT }

    public enum Decision { CONFIRMED, DISMISSED }

    /**
     * A finding to review. {@code before}, {@code passage} and {@code after} are the transcript around
     * the passage (up to 60 characters each side), for showing it highlighted.
     */
    public record Review(long id, long transcriptId, long attemptId, Long caseId, String kind, String category, String phrase, int start,
                         int end, String before, String passage, String after, String status, Instant foundAt, String reviewedBy,
                         Instant reviewedAt, String note) {
    }

    public record TranscriptView(long id, long attemptId, Long caseId, long contactId, String text, String source, String uploadedBy,
                                 Instant uploadedAt, List<Review> findings) {
    }

    private static final int CONTEXT = 60;
    private static final int MAX_TEXT = 200_000;
    private static final String REVIEW_COLUMNS = """
            r.id, r.transcript_id, r.attempt_id, r.case_id, r.kind, r.category, r.phrase, r.start_offset, r.end_offset, r.passage, r.status,
            r.found_at, r.reviewed_by, r.reviewed_at, r.note, t.text""";
    private static final RowMapper<Review> REVIEW = (rs, n) -> {
        String text = rs.getString("text");
        int start = rs.getInt("start_offset");
        int end = rs.getInt("end_offset");
        return new Review(rs.getLong("id"), rs.getLong("transcript_id"), rs.getLong("attempt_id"), (Long) rs.getObject("case_id"),
                rs.getString("kind"), rs.getString("category"), rs.getString("phrase"), start, end,
                text.substring(Math.max(0, start - CONTEXT), start), text.substring(start, end), text.substring(end, Math.min(text.length(), end + CONTEXT)),
                rs.getString("status"), rs.getTimestamp("found_at").toInstant(), rs.getString("reviewed_by"),
                LedgerStore.instant(rs.getTimestamp("reviewed_at")), rs.getString("note"));
    };

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    TranscriptQa(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional
    public TranscriptView upload(long attemptId, String text, Source source, String by) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", text, "the transcript's text is required");
        }
        if (text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", text.substring(0, 40) + "…", "a transcript is at most " + MAX_TEXT + " characters");
        }
        record Call(Long caseId, long contactId, String role, String outcome, String channel) {
        }
        Call call = jdbc.sql("""
                        select a.case_id, a.contact_id, ct.role, a.outcome, a.channel from contact_attempt a join contact ct on ct.id = a.contact_id
                        where a.id = ?""").param(attemptId)
                .query((rs, n) -> new Call((Long) rs.getObject(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)))
                .optional().orElseThrow(() -> new NotFoundException("contact attempt", attemptId));
        if (!call.channel().endsWith("CALL") && !call.channel().equals("VISIT")) {
            throw new InvalidInputException("attemptId", Long.toString(attemptId), "transcripts are for calls and visits, not " + call.channel());
        }
        if (jdbc.sql("select count(*) from transcript where attempt_id = ?").param(attemptId).query(Long.class).single() > 0) {
            throw new ConflictException("attempt " + attemptId + " already has a transcript");
        }
        Instant now = clock.now();
        long id = jdbc.sql("""
                        insert into transcript (attempt_id, case_id, contact_id, text, source, uploaded_by, uploaded_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(attemptId, call.caseId(), call.contactId(), text, (source == null ? Source.UPLOAD : source).name(), by, Timestamp.from(now))
                .query(Long.class).single();
        boolean thirdParty = !"self".equals(call.role()) || "CONVERSATION_THIRD_PARTY".equals(call.outcome());
        for (TranscriptScanner.Finding f : TranscriptScanner.standard().scan(text, thirdParty)) {
            jdbc.sql("""
                            insert into qa_review (transcript_id, attempt_id, case_id, kind, category, phrase, start_offset, end_offset, passage, found_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, attemptId, call.caseId(), f.kind().name(), f.category() == null ? null : f.category().name(), f.phrase(), f.start(),
                            f.end(), f.passage(), Timestamp.from(now)).update();
        }
        return transcriptOf(attemptId);
    }

    public TranscriptView transcriptOf(long attemptId) {
        return jdbc.sql("select id, attempt_id, case_id, contact_id, text, source, uploaded_by, uploaded_at from transcript where attempt_id = ?")
                .param(attemptId)
                .query((rs, n) -> new TranscriptView(rs.getLong(1), rs.getLong(2), (Long) rs.getObject(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                        jdbc.sql("select " + REVIEW_COLUMNS + " from qa_review r join transcript t on t.id = r.transcript_id where r.transcript_id = ? order by r.start_offset, r.id")
                                .param(rs.getLong(1)).query(REVIEW).list()))
                .optional().orElseThrow(() -> new NotFoundException("transcript of attempt", attemptId));
    }

    /** The review queue: open findings oldest first (or all, newest first). */
    public List<Review> reviews(boolean openOnly, int limit) {
        return jdbc.sql("select " + REVIEW_COLUMNS + " from qa_review r join transcript t on t.id = r.transcript_id "
                        + (openOnly ? "where r.status = 'OPEN' order by r.found_at, r.id" : "order by r.found_at desc, r.id desc") + " limit ?")
                .param(limit).query(REVIEW).list();
    }

    @Transactional
    public Review resolve(long id, Decision decision, String note, String by) {
        if (decision == null) {
            throw new InvalidInputException("decision", null, "decision is required: CONFIRMED (a breach) or DISMISSED");
        }
        int updated = jdbc.sql("update qa_review set status = ?, reviewed_by = ?, reviewed_at = ?, note = ? where id = ? and status = 'OPEN'")
                .params(decision.name(), by, Timestamp.from(clock.now()), note == null || note.isBlank() ? null : note.strip(), id).update();
        if (updated == 0) {
            if (jdbc.sql("select count(*) from qa_review where id = ?").param(id).query(Long.class).single() == 0) {
                throw new NotFoundException("review", id);
            }
            throw new ConflictException("review " + id + " was already decided");
        }
        return jdbc.sql("select " + REVIEW_COLUMNS + " from qa_review r join transcript t on t.id = r.transcript_id where r.id = ?").param(id)
                .query(REVIEW).single();
    }
}
