package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ConsentSource;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Consents a person gave to be contacted ("call me Monday 19:00–20:00"). A consent with a time window
 * opens that window on its days, even in quiet hours; one without opens no time. Revoking ends it.
 */
@Service
public class ConsentStore {

    public record NewConsent(ConsentSource source, Instant receivedAt, Set<Channel> channels, Set<Long> accountIds, Set<DayOfWeek> days,
                             LocalTime windowStart, LocalTime windowEnd, String zone, String endpoint, Instant validUntil, String note,
                             Long attemptId) {
    }

    public record ConsentView(long id, long contactId, String source, Instant receivedAt, List<String> channels, List<Long> accountIds,
                              List<Integer> days, LocalTime windowStart, LocalTime windowEnd, String zone, String endpoint, Instant validUntil,
                              Instant revokedAt, String note, String recordedBy, Instant recordedAt, Long attemptId) {
    }

    private static final String COLUMNS = """
            id, contact_id, source, received_at, channels, account_ids, days, window_start, window_end, zone, endpoint, valid_until, revoked_at,
            note, recorded_by, recorded_at, attempt_id""";
    private static final RowMapper<ConsentView> VIEW = (rs, n) -> new ConsentView(rs.getLong("id"), rs.getLong("contact_id"), rs.getString("source"),
            rs.getTimestamp("received_at").toInstant(), Arrays.stream((Object[]) rs.getArray("channels").getArray()).map(Object::toString).toList(),
            Arrays.stream(GateFacts.longs(rs.getArray("account_ids"))).boxed().toList(),
            Arrays.stream((Object[]) rs.getArray("days").getArray()).map(d -> ((Number) d).intValue()).toList(),
            rs.getObject("window_start", LocalTime.class), rs.getObject("window_end", LocalTime.class), rs.getString("zone"), rs.getString("endpoint"),
            LedgerStore.instant(rs.getTimestamp("valid_until")), LedgerStore.instant(rs.getTimestamp("revoked_at")), rs.getString("note"),
            rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toInstant(), (Long) rs.getObject("attempt_id"));

    private final JdbcClient jdbc;
    private final BusinessClock clock;
    private final Reservations reservations;

    ConsentStore(JdbcClient jdbc, BusinessClock clock, Reservations reservations) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.reservations = reservations;
    }

    @Transactional
    public ConsentView add(long contactId, NewConsent c, String by) {
        long customerId = jdbc.sql("select customer_id from contact where id = ?").param(contactId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        Instant now = clock.now();
        Instant received = c.receivedAt() == null ? now : c.receivedAt();
        if (received.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("receivedAt", received.toString(), "a consent cannot be received in the future");
        }
        if ((c.windowStart() == null) != (c.windowEnd() == null) || c.windowStart() != null && c.windowStart().equals(c.windowEnd())) {
            throw new InvalidInputException("windowEnd", String.valueOf(c.windowEnd()), "a time window needs a start and a different end");
        }
        if (c.validUntil() != null && !c.validUntil().isAfter(received)) {
            throw new InvalidInputException("validUntil", c.validUntil().toString(), "a consent must end after it was received");
        }
        if (c.zone() != null && !c.zone().isBlank()) {
            try {
                ZoneId.of(c.zone().strip());
            } catch (DateTimeException e) {
                throw new InvalidInputException("zone", c.zone(), "not a time zone id, e.g. Asia/Shanghai");
            }
        }
        Long[] accounts = c.accountIds() == null ? new Long[0] : c.accountIds().stream().sorted().toArray(Long[]::new);
        if (accounts.length > 0 && jdbc.sql("select count(*) from account where id = any(?) and customer_id = ?").params(accounts, customerId)
                .query(Long.class).single() != accounts.length) {
            throw new InvalidInputException("accountIds", Arrays.toString(accounts), "not all are accounts of the contact's customer");
        }
        if (c.attemptId() != null && jdbc.sql("select count(*) from contact_attempt where id = ? and contact_id = ?").params(c.attemptId(), contactId)
                .query(Long.class).single() == 0) {
            throw new InvalidInputException("attemptId", c.attemptId().toString(), "not a ledger entry of this contact");
        }
        String[] channels = c.channels() == null ? new String[0] : c.channels().stream().sorted().map(Enum::name).toArray(String[]::new);
        Short[] days = c.days() == null ? new Short[0] : c.days().stream().sorted().map(d -> (short) d.getValue()).toArray(Short[]::new);
        long id = jdbc.sql("""
                        insert into contact_consent (contact_id, customer_id, source, received_at, channels, account_ids, days, window_start, window_end,
                            zone, endpoint, valid_until, note, recorded_by, recorded_at, attempt_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(contactId, customerId, (c.source() == null ? ConsentSource.DEBTOR_DIRECT : c.source()).name(), Timestamp.from(received),
                        channels, accounts, days, c.windowStart(), c.windowEnd(), blankToNull(c.zone()), blankToNull(c.endpoint()),
                        c.validUntil() == null ? null : Timestamp.from(c.validUntil()), blankToNull(c.note()), by, Timestamp.from(now), c.attemptId())
                .query(Long.class).single();
        return view(id);
    }

    @Transactional
    public ConsentView revoke(long id) {
        Instant now = clock.now();
        ConsentView consent = view(id);
        long customerId = jdbc.sql("select customer_id from contact_consent where id = ?").param(id).query(Long.class).single();
        reservations.cancel(customerId, consent.contactId(), "CONSENT_REVOKED");
        jdbc.sql("update contact_consent set revoked_at = greatest(?, received_at + interval '1 millisecond') where id = ? and revoked_at is null")
                .params(Timestamp.from(now), id).update();
        return view(id);
    }

    public ConsentView view(long id) {
        return jdbc.sql("select " + COLUMNS + " from contact_consent where id = ?").param(id).query(VIEW).optional()
                .orElseThrow(() -> new NotFoundException("consent", id));
    }

    public List<ConsentView> ofContact(long contactId) {
        if (jdbc.sql("select count(*) from contact where id = ?").param(contactId).query(Long.class).single() == 0) {
            throw new NotFoundException("contact", contactId);
        }
        return jdbc.sql("select " + COLUMNS + " from contact_consent where contact_id = ? order by received_at desc, id desc").param(contactId)
                .query(VIEW).list();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
