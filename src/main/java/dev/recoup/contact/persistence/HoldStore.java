package dev.recoup.contact.persistence;

import dev.recoup.contact.ContactHolds;
import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.domain.Medium;
import dev.recoup.contact.domain.Place;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Holds (stops and narrowings of contact) on a case, a customer or one contact. A hold takes effect
 * at the instant its notice was received — given, or now — so a hold recorded on receipt stops the
 * next decision. Lifting sets its end; the record stays (decisions about the past still see it).
 */
@Service
public class HoldStore implements ContactHolds {

    public enum Level { CASE, CUSTOMER, CONTACT }

    /** A hold to place. Exactly the id of its level is needed (case, customer or contact). */
    public record NewHold(Level level, Long caseId, Long customerId, Long contactId, HoldKind kind, Medium medium, String endpoint, Place place,
                          Set<Long> accountIds, Instant receivedAt, Instant until, String note) {
    }

    public record HoldView(long id, String level, long customerId, Long caseId, Long contactId, String kind, String medium, String endpoint,
                           String place, List<Long> accountIds, Instant effectiveFrom, Instant effectiveUntil, boolean activeNow, String note,
                           String placedBy, Instant placedAt, String liftedBy, Instant liftedAt, String liftReason, Long complaintId) {
    }

    private static final String COLUMNS = """
            id, level, customer_id, case_id, contact_id, kind, medium, endpoint, place, account_ids, effective_from, effective_until, note,
            placed_by, placed_at, lifted_by, lifted_at, lift_reason, complaint_id""";

    /** Brief names people use for hold kinds, accepted besides the kinds' own names. */
    private static final Map<String, HoldKind> ALIASES = Map.of("COMPLAINT", HoldKind.COMPLAINT_OPEN, "DISPUTE", HoldKind.DISPUTE_OPEN,
            "LAWYER", HoldKind.ATTORNEY_REPRESENTS, "ATTORNEY", HoldKind.ATTORNEY_REPRESENTS, "CEASE", HoldKind.CEASE_COMMUNICATION,
            "OPT_OUT", HoldKind.MEDIUM_OPT_OUT);

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final PackSettings settings;
    private final Reservations reservations;

    HoldStore(JdbcClient jdbc, JdbcTemplate template, BusinessClock clock, PackSettings settings, Reservations reservations) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.settings = settings;
        this.reservations = reservations;
    }

    public static HoldKind kind(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("kind", text, "kind is required, one of " + List.of(HoldKind.values()));
        }
        String key = text.strip().toUpperCase(Locale.ROOT);
        HoldKind alias = ALIASES.get(key);
        if (alias != null) {
            return alias;
        }
        try {
            return HoldKind.valueOf(key);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("kind", text, "kind must be one of " + List.of(HoldKind.values()) + " (or COMPLAINT, DISPUTE, LAWYER)");
        }
    }

    @Transactional
    public HoldView place(NewHold h, String by) {
        return view(placeReturningId(h, by, null));
    }

    /** Places a hold for a complaint (lifted only by closing it). */
    @Transactional
    public long placeForComplaint(long caseId, Instant receivedAt, long complaintId, String by) {
        return placeReturningId(new NewHold(Level.CASE, caseId, null, null, HoldKind.COMPLAINT_OPEN, null, null, null, Set.of(), receivedAt, null,
                "complaint " + complaintId), by, complaintId);
    }

    private long placeReturningId(NewHold h, String by, Long complaintId) {
        if (h.level() == null) {
            throw new InvalidInputException("level", null, "level is required: CASE, CUSTOMER or CONTACT");
        }
        if (h.kind() == null) {
            throw new InvalidInputException("kind", null, "kind is required, one of " + List.of(HoldKind.values()));
        }
        if (h.kind() == HoldKind.COMPLAINT_OPEN && complaintId == null) {
            throw new InvalidInputException("kind", h.kind().name(), "a complaint hold comes with a complaint: register it at /api/v1/complaints");
        }
        if (h.kind() == HoldKind.MEDIUM_OPT_OUT && h.medium() == null) {
            throw new InvalidInputException("medium", null, "an opt-out names the medium, one of " + List.of(Medium.values()));
        }
        if (h.kind() == HoldKind.INCONVENIENT_PLACE && h.place() == null) {
            throw new InvalidInputException("place", null, "an inconvenient-place hold names the place: HOME or WORK");
        }
        Instant now = clock.now();
        Instant from = h.receivedAt() == null ? now : h.receivedAt();
        if (from.isAfter(now.plusSeconds(300))) {
            throw new InvalidInputException("receivedAt", from.toString(), "a notice cannot be received in the future");
        }
        if (h.until() != null && !h.until().isAfter(from)) {
            throw new InvalidInputException("until", h.until().toString(), "a hold must end after it starts");
        }
        long customerId;
        Long caseId = null;
        Long contactId = null;
        switch (h.level()) {
            case CASE -> {
                caseId = require("caseId", h.caseId());
                long id = caseId;
                customerId = jdbc.sql("select customer_id from collection_case where id = ?").param(id).query(Long.class).optional()
                        .orElseThrow(() -> new NotFoundException("case", id));
            }
            case CUSTOMER -> {
                long id = require("customerId", h.customerId());
                if (jdbc.sql("select count(*) from customer where id = ?").param(id).query(Long.class).single() == 0) {
                    throw new NotFoundException("customer", id);
                }
                customerId = id;
            }
            default -> {
                contactId = require("contactId", h.contactId());
                long id = contactId;
                customerId = jdbc.sql("select customer_id from contact where id = ?").param(id).query(Long.class).optional()
                        .orElseThrow(() -> new NotFoundException("contact", id));
            }
        }
        Long[] accounts = h.accountIds() == null ? new Long[0] : h.accountIds().stream().sorted().toArray(Long[]::new);
        if (accounts.length > 0 && jdbc.sql("select count(*) from account where id = any(?) and customer_id = ?").params(accounts, customerId)
                .query(Long.class).single() != accounts.length) {
            throw new InvalidInputException("accountIds", Arrays.toString(accounts), "not all are accounts of the customer");
        }
        reservations.cancel(customerId, contactId, "HOLD_" + h.kind().name());
        return jdbc.sql("""
                        insert into contact_hold (level, customer_id, case_id, contact_id, kind, medium, endpoint, place, account_ids, effective_from,
                            effective_until, note, placed_by, placed_at, complaint_id)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(h.level().name(), customerId, caseId, contactId, h.kind().name(), h.medium() == null ? null : h.medium().name(),
                        blankToNull(h.endpoint()), h.place() == null ? null : h.place().name(), accounts, Timestamp.from(from),
                        h.until() == null ? null : Timestamp.from(h.until()), blankToNull(h.note()), by, Timestamp.from(now), complaintId)
                .query(Long.class).single();
    }

    /** Ends a hold now. A complaint's hold ends only with the complaint. */
    @Transactional
    public HoldView lift(long id, String reason, String by) {
        HoldView hold = view(id);
        if (hold.complaintId() != null) {
            throw new ConflictException("hold " + id + " belongs to complaint " + hold.complaintId() + ": it is lifted when the complaint is closed");
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reason is required to lift a hold");
        }
        end(id, reason, by);
        return view(id);
    }

    /** Ends a hold now (its end never before its start). */
    void end(long id, String reason, String by) {
        Instant now = clock.now();
        int updated = jdbc.sql("""
                        update contact_hold set effective_until = greatest(?, effective_from + interval '1 millisecond'), lifted_by = ?, lifted_at = ?,
                            lift_reason = ?
                        where id = ? and (effective_until is null or effective_until > ?)""")
                .params(Timestamp.from(now), by, Timestamp.from(now), reason, id, Timestamp.from(now)).update();
        if (updated == 0 && jdbc.sql("select count(*) from contact_hold where id = ?").param(id).query(Long.class).single() == 0) {
            throw new NotFoundException("hold", id);
        }
    }

    public HoldView view(long id) {
        return jdbc.sql("select " + COLUMNS + " from contact_hold where id = ?").param(id).query(mapper(clock.now())).optional()
                .orElseThrow(() -> new NotFoundException("hold", id));
    }

    /** Every hold that protects the case's customer (case, customer and contact level), newest first. */
    public List<HoldView> ofCase(long caseId) {
        long customerId = jdbc.sql("select customer_id from collection_case where id = ?").param(caseId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        return jdbc.sql("select " + COLUMNS + " from contact_hold where customer_id = ? order by effective_from desc, id desc").param(customerId)
                .query(mapper(clock.now())).list();
    }

    /** The holds that apply to one contact (theirs, and their customer's and cases'). */
    public List<HoldView> ofContact(long contactId) {
        long customerId = jdbc.sql("select customer_id from contact where id = ?").param(contactId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("contact", contactId));
        return jdbc.sql("select " + COLUMNS + " from contact_hold where customer_id = ? and (level <> 'CONTACT' or contact_id = ?) "
                        + "order by effective_from desc, id desc").params(customerId, contactId).query(mapper(clock.now())).list();
    }

    @Override
    public Map<Long, Set<HoldKind>> stoppingContact(long[] caseIds, Instant at) {
        Map<Long, Set<HoldKind>> out = new HashMap<>();
        if (caseIds == null || caseIds.length == 0) {
            return out;
        }
        String[] kinds = settings.stoppingKinds().stream().map(Enum::name).toArray(String[]::new);
        // Driven from the holds (few) to their customers' cases, the ids checked against a hashed array:
        // the daily run asks about every case with a contact step (hundreds of thousands) at once.
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select cc.id, h.kind
                    from contact_hold h
                    join collection_case cc on cc.customer_id = h.customer_id
                    where cc.id = any(?::bigint[])
                      and (h.level <> 'CONTACT' or exists (select 1 from contact ct where ct.id = h.contact_id and ct.role = 'self'))
                      and h.kind = any(?) and h.effective_from <= ? and (h.effective_until is null or h.effective_until > ?)
                      and h.account_ids = '{}'""");
            ps.setArray(1, con.createArrayOf("bigint", Arrays.stream(caseIds).boxed().toArray()));
            ps.setArray(2, con.createArrayOf("text", kinds));
            ps.setTimestamp(3, Timestamp.from(at));
            ps.setTimestamp(4, Timestamp.from(at));
            return ps;
        }, rs -> {
            out.computeIfAbsent(rs.getLong(1), k -> EnumSet.noneOf(HoldKind.class)).add(HoldKind.valueOf(rs.getString(2)));
        });
        return out;
    }

    private static RowMapper<HoldView> mapper(Instant now) {
        return (rs, n) -> {
            Instant from = rs.getTimestamp("effective_from").toInstant();
            Instant until = LedgerStore.instant(rs.getTimestamp("effective_until"));
            return new HoldView(rs.getLong("id"), rs.getString("level"), rs.getLong("customer_id"), (Long) rs.getObject("case_id"),
                    (Long) rs.getObject("contact_id"), rs.getString("kind"), rs.getString("medium"), rs.getString("endpoint"), rs.getString("place"),
                    Arrays.stream(GateFacts.longs(rs.getArray("account_ids"))).boxed().toList(), from, until,
                    !from.isAfter(now) && (until == null || until.isAfter(now)), rs.getString("note"), rs.getString("placed_by"),
                    rs.getTimestamp("placed_at").toInstant(), rs.getString("lifted_by"), LedgerStore.instant(rs.getTimestamp("lifted_at")),
                    rs.getString("lift_reason"), (Long) rs.getObject("complaint_id"));
        };
    }

    private static long require(String field, Long value) {
        if (value == null) {
            throw new InvalidInputException(field, null, field + " is required for this level");
        }
        return value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
