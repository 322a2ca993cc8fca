package dev.recoup.contact.channel.letter;

import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.RecordedAttempt;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The day's letter batches: the dispatcher puts each letter the gate allows into its business
 * day's batch; the batch prints as one PDF; when the post has taken them, the tracking numbers are
 * recorded per letter and each letter enters the contact ledger as a LETTER attempt.
 */
@Service
public class LetterBatches {

    private static final Pattern TRACKING = Pattern.compile("[A-Za-z0-9-]{6,40}");

    /** A tracking number for one letter; {@code postedAt} defaults to the time it is recorded. */
    public record Tracking(long messageId, String trackingNumber, Instant postedAt) {
    }

    private final JdbcClient jdbc;
    private final LetterPdf pdf;
    private final ObjectProvider<ContactLedger> ledger;
    private final BusinessClock clock;

    LetterBatches(JdbcClient jdbc, LetterPdf pdf, ObjectProvider<ContactLedger> ledger, BusinessClock clock) {
        this.jdbc = jdbc;
        this.pdf = pdf;
        this.ledger = ledger;
        this.clock = clock;
    }

    public List<LetterBatch> list(int limit) {
        return jdbc.sql("""
                        select b.id, b.business_date, count(m.id), count(m.gateway_message_id)
                        from letter_batch b left join outbound_message m on m.letter_batch_id = b.id
                        group by b.id order by b.business_date desc limit ?""")
                .param(limit)
                .query((rs, n) -> new LetterBatch(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getInt(3), rs.getInt(4), List.of())).list();
    }

    public LetterBatch find(long id) {
        LocalDate date = jdbc.sql("select business_date from letter_batch where id = ?").param(id).query(LocalDate.class).optional()
                .orElseThrow(() -> new NotFoundException("letter batch", id));
        List<Letter> letters = jdbc.sql("""
                        select id, case_id, contact_id, recipient_name, endpoint, language, subject, body, status, gateway_message_id, ledger_attempt_id, sent_at
                        from outbound_message m where letter_batch_id = ? order by id""")
                .param(id)
                .query((rs, n) -> new Letter(rs.getLong("id"), (Long) rs.getObject("case_id"), rs.getLong("contact_id"), rs.getString("recipient_name"),
                        rs.getString("endpoint"), rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
                        rs.getString("gateway_message_id"), (Long) rs.getObject("ledger_attempt_id"),
                        rs.getString("gateway_message_id") == null ? null : rs.getObject("sent_at", OffsetDateTime.class)))
                .list();
        int tracked = (int) letters.stream().filter(l -> l.trackingNumber() != null).count();
        return new LetterBatch(id, date, letters.size(), tracked, letters);
    }

    /** The batch as one PDF, one letter per page, in message order. */
    public byte[] pdf(long id) {
        LetterBatch batch = find(id);
        if (batch.contents().isEmpty()) {
            throw new InvalidInputException("id", String.valueOf(id), "the batch has no letters");
        }
        return pdf.render(batch);
    }

    /**
     * Records tracking numbers: each letter gets its number and enters the ledger as a LETTER
     * attempt (outcome pending) at its posting time. Recording the same number again changes
     * nothing; a different number for a letter that has one is a conflict.
     *
     * @return the batch afterwards
     */
    @Transactional
    public LetterBatch recordTracking(long batchId, List<Tracking> entries, String user) {
        find(batchId);
        if (entries == null || entries.isEmpty()) {
            throw new InvalidInputException("letters", null, "give at least one {messageId, trackingNumber}");
        }
        ContactLedger contactLedger = ledger.getIfAvailable();
        if (contactLedger == null) {
            throw new ConflictException("No contact ledger in this build: tracking numbers cannot be recorded as ledger attempts yet");
        }
        for (Tracking entry : entries) {
            String number = entry.trackingNumber() == null ? null : entry.trackingNumber().strip();
            if (number == null || !TRACKING.matcher(number).matches()) {
                throw new InvalidInputException("trackingNumber", number, "a tracking number is 6–40 letters, digits or '-' (letter " + entry.messageId() + ")");
            }
            record Row(Long caseId, long contactId, String endpoint, String purpose, Array accounts, String status, String tracking, Long batch) {
            }
            Row row = jdbc.sql("""
                            select case_id, contact_id, endpoint, purpose, account_ids, status, gateway_message_id, letter_batch_id
                            from outbound_message where id = ? and channel = 'LETTER' for update""")
                    .param(entry.messageId())
                    .query((rs, n) -> new Row((Long) rs.getObject(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getArray(5), rs.getString(6),
                            rs.getString(7), (Long) rs.getObject(8)))
                    .optional().orElseThrow(() -> new NotFoundException("letter", entry.messageId()));
            if (row.batch() == null || row.batch() != batchId) {
                throw new InvalidInputException("messageId", String.valueOf(entry.messageId()), "the letter is not in batch " + batchId);
            }
            if (number.equals(row.tracking())) {
                continue;
            }
            if (row.tracking() != null) {
                throw new ConflictException("Letter " + entry.messageId() + " already has tracking number " + row.tracking());
            }
            if (!"SENT".equals(row.status())) {
                throw new ConflictException("Letter " + entry.messageId() + " is " + row.status() + "; only a letter in print (SENT) takes a tracking number");
            }
            Instant posted = entry.postedAt() == null ? clock.now() : entry.postedAt();
            long attemptId = contactLedger.record(new RecordedAttempt(row.caseId(), row.contactId(), Channel.LETTER, row.endpoint(), posted, null,
                    Purpose.valueOf(row.purpose()), accounts(row.accounts()), user, null));
            jdbc.sql("""
                            update outbound_message set gateway_message_id = ?, gateway_segment_ids = array[?::text], ledger_attempt_id = ?, sent_at = ?,
                              updated_at = now() where id = ?""")
                    .params(number, number, attemptId, posted.atOffset(ZoneOffset.UTC), entry.messageId()).update();
        }
        return find(batchId);
    }

    private static Set<Long> accounts(Array array) {
        try {
            if (array == null) {
                return Set.of();
            }
            return new HashSet<>(Arrays.stream((Object[]) array.getArray()).map(v -> ((Number) v).longValue()).toList());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
