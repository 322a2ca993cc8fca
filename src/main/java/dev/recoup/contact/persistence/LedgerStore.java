package dev.recoup.contact.persistence;

import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.RecordedAttempt;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Direction;
import dev.recoup.contact.domain.Endpoint;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The contact ledger (R10): every attempt and conversation, on every channel, with the person, the
 * number or address, the time, the outcome, the debts, the purpose, any consent given and who made it.
 * Recording what happened never asks the gate (the ledger must be true, and inbound calls, letters
 * already posted and visits already made happened); the paths that START a contact — the call button,
 * the dialer's call list, the outbox — ask the gate first and record through here.
 */
@Service
public class LedgerStore implements ContactLedger {

    /** Where an entry came from. */
    public enum Via { RECORDED, CALL_BUTTON, DIALER, OUTBOX, GATE }

    /** An entry to record, with everything the API can say. */
    public record Entry(Long caseId, long contactId, Channel channel, Direction direction, String endpoint, Instant at, Outcome outcome,
                        Purpose purpose, Set<Long> accountIds, Set<Long> discussedAccountIds, int staff, Long inResponseTo, String madeBy,
                        String consentNote, Via via, Instant expiresAt) {
    }

    /** One ledger entry as read back. {@code pending}: placed or sent, its result not in yet. */
    public record AttemptView(long id, Long caseId, long customerId, long contactId, String contactRole, String channel, String direction,
                              String endpoint, Instant at, String outcome, Instant outcomeAt, boolean pending, String purpose,
                              List<Long> accountIds, int staff, Long inResponseTo, String madeBy, String consentNote, String via,
                              String dialerCallId, Instant expiresAt, Instant voidedAt) {

        public AttemptView masked() {
            return new AttemptView(id, caseId, customerId, contactId, contactRole, channel, direction, maskEndpoint(endpoint), at, outcome,
                    outcomeAt, pending, purpose, accountIds, staff, inResponseTo, madeBy, consentNote, via, dialerCallId, expiresAt, voidedAt);
        }
    }

    static final String VIEW_COLUMNS = """
            a.id, a.case_id, a.customer_id, a.contact_id, ct.role as contact_role, a.channel, a.direction, a.endpoint, a.at, a.outcome,
            a.outcome_at, a.purpose, a.account_ids, a.staff_count, a.in_response_to, a.made_by, a.consent_note, a.via, a.dialer_call_id,
            a.expires_at, a.voided_at""";

    static final RowMapper<AttemptView> VIEW = (rs, n) -> new AttemptView(rs.getLong("id"), (Long) rs.getObject("case_id"),
            rs.getLong("customer_id"), rs.getLong("contact_id"), rs.getString("contact_role"), rs.getString("channel"), rs.getString("direction"),
            rs.getString("endpoint"), instant(rs.getTimestamp("at")), rs.getString("outcome"), instant(rs.getTimestamp("outcome_at")),
            rs.getString("outcome") == null, rs.getString("purpose"),
            Arrays.stream(GateFacts.longs(rs.getArray("account_ids"))).boxed().toList(), rs.getInt("staff_count"),
            (Long) rs.getObject("in_response_to"), rs.getString("made_by"), rs.getString("consent_note"), rs.getString("via"),
            rs.getString("dialer_call_id"), instant(rs.getTimestamp("expires_at")), instant(rs.getTimestamp("voided_at")));

    private static final int MAX_TEXT = 2000;
    private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    LedgerStore(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long record(RecordedAttempt a) {
        if (a == null) {
            throw new InvalidInputException("attempt", null, "an attempt is required");
        }
        return insert(new Entry(a.caseId(), a.contactId(), a.channel(), Direction.OUTBOUND, a.endpoint(), a.at(), a.outcome(), a.purpose(),
                a.accountIds(), Set.of(), 0, null, a.madeBy(), a.consent(), Via.RECORDED, null)).id();
    }

    @Override
    @Transactional
    public void outcome(long attemptId, Outcome outcome, Instant at) {
        if (outcome == null) {
            throw new InvalidInputException("outcome", null, "outcome is required, one of " + List.of(Outcome.values()));
        }
        int updated = jdbc.sql("update contact_attempt set outcome = ?, outcome_at = ?, voided_at = null where id = ?")
                .params(outcome.name(), Timestamp.from(at == null ? clock.now() : at), attemptId).update();
        if (updated == 0) {
            throw new NotFoundException("contact attempt", attemptId);
        }
    }

    /** Records an entry after checking it; returns it as stored. */
    @Transactional
    public AttemptView insert(Entry e) {
        if (e.channel() == null) {
            throw new InvalidInputException("channel", null, "channel is required, one of " + List.of(Channel.values()));
        }
        if (e.at() == null) {
            throw new InvalidInputException("at", null, "at is required (an instant, e.g. 2026-11-23T10:15:00+08:00)");
        }
        if (e.via() != Via.DIALER && e.at().isAfter(clock.now().plus(FUTURE_TOLERANCE))) {
            throw new InvalidInputException("at", e.at().toString(), "an attempt cannot be recorded in the future");
        }
        if (e.staff() < 0 || e.staff() > 20) {
            throw new InvalidInputException("staff", Integer.toString(e.staff()), "staff must be between 0 and 20");
        }
        text("madeBy", e.madeBy(), true, 100);
        text("consent", e.consentNote(), false, MAX_TEXT);
        text("endpoint", e.endpoint(), false, 500);
        Purpose purpose = e.purpose() == null ? Purpose.COLLECTION : e.purpose();
        Direction direction = e.direction() == null ? Direction.OUTBOUND : e.direction();
        Party party = party(e.contactId(), e.caseId());
        Long[] accounts = accounts("accountIds", party, e.accountIds());
        Long[] discussed = accounts("discussedAccountIds", party, e.discussedAccountIds());
        if (e.inResponseTo() != null && jdbc.sql("select count(*) from contact_attempt where id = ? and contact_id = ? and direction = 'INBOUND'")
                .params(e.inResponseTo(), e.contactId()).query(Long.class).single() == 0) {
            throw new InvalidInputException("inResponseTo", e.inResponseTo().toString(), "not an inbound entry of this contact");
        }
        Endpoint endpoint = endpoint(party, e.channel(), e.endpoint());
        long id = jdbc.sql("""
                        insert into contact_attempt (case_id, customer_id, contact_id, channel, direction, endpoint, endpoint_kind, at, outcome,
                            outcome_at, purpose, account_ids, discussed_account_ids, staff_count, in_response_to, made_by, consent_note, via,
                            expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(party.caseId(), party.customerId(), e.contactId(), e.channel().name(), direction.name(),
                        endpoint == null ? null : endpoint.address(), endpoint == null ? null : endpoint.kind().name(), Timestamp.from(e.at()),
                        e.outcome() == null ? null : e.outcome().name(), e.outcome() == null ? null : Timestamp.from(e.at()), purpose.name(),
                        accounts, discussed, e.staff(), e.inResponseTo(), e.madeBy().strip(), blankToNull(e.consentNote()), e.via().name(),
                        e.expiresAt() == null ? null : Timestamp.from(e.expiresAt()))
                .query(Long.class).single();
        return find(id);
    }

    public AttemptView find(long id) {
        return jdbc.sql("select " + VIEW_COLUMNS + " from contact_attempt a join contact ct on ct.id = a.contact_id where a.id = ?")
                .param(id).query(VIEW).optional().orElseThrow(() -> new NotFoundException("contact attempt", id));
    }

    /** A case's ledger, newest first (call-list entries never dialled are left out). */
    public List<AttemptView> ofCase(long caseId, int limit) {
        if (jdbc.sql("select count(*) from collection_case where id = ?").param(caseId).query(Long.class).single() == 0) {
            throw new NotFoundException("case", caseId);
        }
        return jdbc.sql("select " + VIEW_COLUMNS + " " + """
                         from contact_attempt a join contact ct on ct.id = a.contact_id
                        where a.case_id = ? and a.voided_at is null order by a.at desc, a.id desc limit ?""")
                .params(caseId, limit).query(VIEW).list();
    }

    /** One person's ledger between two instants, newest first. */
    public List<AttemptView> ofContact(long contactId, Instant from, Instant until, int limit) {
        if (jdbc.sql("select count(*) from contact where id = ?").param(contactId).query(Long.class).single() == 0) {
            throw new NotFoundException("contact", contactId);
        }
        return jdbc.sql("select " + VIEW_COLUMNS + " " + """
                         from contact_attempt a join contact ct on ct.id = a.contact_id
                        where a.contact_id = ? and a.at >= ? and a.at < ? and a.voided_at is null order by a.at desc, a.id desc limit ?""")
                .params(contactId, Timestamp.from(from), Timestamp.from(until), limit).query(VIEW).list();
    }

    /**
     * The case an entry for this contact would belong to: {@code caseId} when it is the contact's customer's case, else
     * the customer's open case (null when none).
     *
     * @throws NotFoundException     no such contact or case
     * @throws InvalidInputException the case is not the contact's customer's
     */
    public Long caseOf(long contactId, Long caseId) {
        return party(contactId, caseId).caseId();
    }

    /** The contact, its customer and the case an entry belongs to. */
    record Party(long contactId, long customerId, String role, String phone, String email, String address, String customerAddress, Long caseId,
                 long[] accountIds) {
    }

    Party party(long contactId, Long caseId) {
        Party party = jdbc.sql("""
                        select ct.id, ct.customer_id, ct.role, ct.phone, ct.email, ct.address, cu.address as customer_address,
                               (select c.id from collection_case c where c.customer_id = ct.customer_id
                                  and (c.id = ?::bigint or ?::bigint is null and c.status = 'OPEN') order by c.id desc limit 1) as case_id,
                               array(select a.id from account a where a.customer_id = ct.customer_id) as account_ids
                        from contact ct join customer cu on cu.id = ct.customer_id where ct.id = ?""")
                .params(caseId, caseId, contactId)
                .query((rs, n) -> new Party(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), (Long) rs.getObject(8), GateFacts.longs(rs.getArray(9))))
                .optional().orElseThrow(() -> new NotFoundException("contact", contactId));
        if (caseId != null && party.caseId() == null) {
            if (jdbc.sql("select count(*) from collection_case where id = ?").param(caseId).query(Long.class).single() == 0) {
                throw new NotFoundException("case", caseId);
            }
            throw new InvalidInputException("contactId", Long.toString(contactId), "contact " + contactId + " is not a contact of case " + caseId);
        }
        return party;
    }

    private static Long[] accounts(String field, Party party, Set<Long> ids) {
        if (ids == null || ids.isEmpty()) {
            return new Long[0];
        }
        for (Long id : ids) {
            if (id == null || Arrays.stream(party.accountIds()).noneMatch(a -> a == id)) {
                throw new InvalidInputException(field, String.valueOf(id), "not an account of the contact's customer");
            }
        }
        return ids.stream().sorted().toArray(Long[]::new);
    }

    /** The endpoint given (normalised), or the contact's own for the channel; null when it has none. */
    static Endpoint endpoint(Party party, Channel channel, String given) {
        String address = given != null && !given.isBlank() ? given.strip() : switch (channel) {
            case AGENT_CALL, ROBOT_CALL, SMS -> party.phone();
            case EMAIL -> party.email();
            case LETTER, VISIT -> party.address() != null ? party.address() : "self".equals(party.role()) ? party.customerAddress() : null;
        };
        if (address == null || address.isBlank()) {
            return null;
        }
        return switch (channel) {
            case AGENT_CALL, ROBOT_CALL, SMS -> Endpoint.of(address, Target.isMobile(address) ? Endpoint.Kind.MOBILE_PHONE : Endpoint.Kind.OTHER);
            case EMAIL -> Endpoint.of(address.toLowerCase(Locale.ROOT), Endpoint.Kind.PERSONAL_EMAIL);
            case LETTER, VISIT -> Endpoint.of(address, Endpoint.Kind.HOME_ADDRESS);
        };
    }

    static String maskEndpoint(String endpoint) {
        if (endpoint == null) {
            return null;
        }
        if (endpoint.indexOf('@') > 0) {
            int at = endpoint.indexOf('@');
            return endpoint.charAt(0) + "***" + endpoint.substring(at);
        }
        return Target.isMobile(endpoint) || endpoint.chars().allMatch(c -> Character.isDigit(c) || c == '-' || c == '+' || c == ' ')
                ? dev.recoup.shared.Masking.phone(endpoint) : endpoint.length() > 6 ? endpoint.substring(0, 6) + "…" : endpoint;
    }

    private static void text(String field, String value, boolean required, int max) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, value, field + " is required");
            }
            return;
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, value.substring(0, 40) + "…", field + " is longer than " + max + " characters");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
