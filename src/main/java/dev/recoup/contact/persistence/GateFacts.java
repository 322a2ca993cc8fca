package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Attempt;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Consent;
import dev.recoup.contact.domain.ConsentSource;
import dev.recoup.contact.domain.Direction;
import dev.recoup.contact.domain.Endpoint;
import dev.recoup.contact.domain.Hold;
import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.domain.Medium;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Place;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads what the gate decides from: the person (role, phone, region, case, debts), their recent
 * ledger, the holds on them or their customer, their consents — for one decision in one statement of
 * index lookups ((contact, time) for the ledger, an index that covers the columns read; customer for
 * holds; contact for consents). The call list loads many people at once with the same reads over an
 * id array.
 */
@Component
class GateFacts {

    /** Everything loaded for one person. */
    record Loaded(Target target, List<Attempt> history, List<Hold> holds, List<Consent> consents, Instant priorLocationContactAt) {
    }

    /**
     * Everything for one decision in one statement: the person (k = 0), their ledger (1), holds (2),
     * consents (3), the first location contact (4), as rows of one wide shape. One statement is one
     * Bind/Execute and one snapshot; server-prepared from its fifth use, it is neither parsed nor planned
     * per decision.
     */
    private static final String ONE_TRIP_REST = """
             union all
            select 1, a.id, a.contact_id, a.in_response_to, a.channel, a.direction, a.outcome, a.purpose, a.endpoint, a.endpoint_kind,
                   a.at, null, null, a.account_ids, a.discussed_account_ids, null, null, null, null, null, a.staff_count::int
            from contact_attempt a where a.contact_id = ? and a.at >= ? and a.voided_at is null
            union all
            select 2, h.contact_id, null, null, h.kind, h.level, h.medium, h.endpoint, h.place, null,
                   h.effective_from, h.effective_until, null, h.account_ids, null, null, null, null, null, null, null
            from contact_hold h
            where h.customer_id = (select customer_id from contact where id = ?) and (h.level <> 'CONTACT' or h.contact_id = ?)
              and (h.effective_until is null or h.effective_until > ?)
            union all
            select 3, c.contact_id, null, null, c.source, null, null, c.zone, c.endpoint, null,
                   c.received_at, c.valid_until, c.revoked_at, c.account_ids, null, c.channels, c.days, c.window_start, c.window_end, null, null
            from contact_consent c where c.contact_id = ? and (c.revoked_at is null or c.revoked_at > ?) and (c.valid_until is null or c.valid_until > ?)
            %s
            order by 1, 11""";
    private static final String ONE_TRIP_LOCATION = """
            union all
            select 4, null, null, null, null, null, null, null, null, null, min(x.at), null, null, null, null, null, null, null, null, null, null
            from contact_attempt x
            where x.contact_id = ? and x.purpose = 'LOCATION_INFO' and x.direction = 'OUTBOUND' and x.voided_at is null and x.at < ?""";
    private static final String ONE_TRIP_HEAD = """
            select 0 as k, ct.id as n1, ct.customer_id as n2, cc.id as n3, ct.role as s1, ct.phone as s2, ct.email as s3, ct.address as s4,
                   cast(cu.region_code as text) as s5, cu.address as s6, cast(null as timestamptz) as t1, cast(null as timestamptz) as t2,
                   cast(null as timestamptz) as t3,
                   coalesce(acc.ids, '{}') as a1, cast(null as bigint[]) as a2, coalesce(acc.products, '{}') as x,
                   cast(null as smallint[]) as d, cast(null as time) as w1, cast(null as time) as w2, ct.valid as b, cast(null as int) as i
            from contact ct join customer cu on cu.id = ct.customer_id
            left join lateral (select c.id from collection_case c where c.customer_id = ct.customer_id and %2$s
                               order by c.id desc limit 1) cc on true
            left join lateral (select array_agg(a.id order by a.id) as ids, array_agg(a.product order by a.id) as products
                               from account a where a.customer_id = ct.customer_id%1$s) acc on true
            where ct.id = ?
            """;
    private static final String[] ONE_TRIP = new String[8];

    static {
        String[][] variants = {{"", "c.status = 'OPEN'"}, {"", "c.id = ?"}, {" and a.id = ?", "c.status = 'OPEN'"}, {" and a.id = ?", "c.id = ?"}};
        for (int v = 0; v < 4; v++) {
            String head = ONE_TRIP_HEAD.formatted(variants[v][0], variants[v][1]);
            ONE_TRIP[v] = head + ONE_TRIP_REST.formatted("");
            ONE_TRIP[v + 4] = head + ONE_TRIP_REST.formatted(ONE_TRIP_LOCATION);
        }
    }

    static final String ATTEMPT_COLUMNS = """
            id, contact_id, at, channel, direction, outcome, account_ids, discussed_account_ids, purpose, endpoint, endpoint_kind,
            in_response_to, staff_count""";
    private static final String HOLD_COLUMNS = "kind, effective_from, effective_until, level, contact_id, account_ids, medium, endpoint, place";
    private static final String CONSENT_COLUMNS = """
            contact_id, source, received_at, channels, account_ids, days, window_start, window_end, zone, endpoint, valid_until, revoked_at""";

    private final JdbcTemplate jdbc;

    GateFacts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One person's facts for a decision at {@code at}, the ledger from {@code since}.
     *
     * @throws NotFoundException     unknown contact, case or account
     * @throws InvalidInputException the contact is not a party of the case, or the account not the contact's customer's
     */
    Loaded load(long contactId, Long caseId, Long accountId, Instant since, Instant at, boolean locationInfo) {
        Loaded loaded = jdbc.execute((Connection connection) -> {
            int variant = (caseId != null ? 1 : 0) + (accountId != null ? 2 : 0) + (locationInfo ? 4 : 0);
            try (PreparedStatement ps = connection.prepareStatement(ONE_TRIP[variant])) {
                int i = 1;
                if (caseId != null) {
                    ps.setLong(i++, caseId);
                }
                if (accountId != null) {
                    ps.setLong(i++, accountId);
                }
                ps.setLong(i++, contactId);
                ps.setLong(i++, contactId);
                ps.setTimestamp(i++, Timestamp.from(since));
                ps.setLong(i++, contactId);
                ps.setLong(i++, contactId);
                ps.setTimestamp(i++, Timestamp.from(at));
                ps.setLong(i++, contactId);
                ps.setTimestamp(i++, Timestamp.from(at));
                ps.setTimestamp(i++, Timestamp.from(at));
                if (locationInfo) {
                    ps.setLong(i++, contactId);
                    ps.setTimestamp(i, Timestamp.from(since));
                }
                Target target = null;
                List<Attempt> history = new ArrayList<>();
                List<Hold> holds = new ArrayList<>(0);
                List<Consent> consents = new ArrayList<>(0);
                Instant firstLocation = null;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        switch (rs.getInt(1)) {
                            case 0 -> target = wideTarget(rs);
                            case 1 -> history.add(wideAttempt(rs));
                            case 2 -> holds.add(wideHold(rs));
                            case 3 -> consents.add(wideConsent(rs));
                            default -> {
                                Timestamp first = rs.getTimestamp(11);
                                firstLocation = first == null ? null : first.toInstant();
                            }
                        }
                    }
                }
                return target == null ? null : new Loaded(target, history, holds, consents, firstLocation);
            }
        });
        if (loaded == null) {
            throw new NotFoundException("contact", contactId);
        }
        Target t = loaded.target();
        if (caseId != null && t.caseId() == null) {
            Long customer = jdbc.query("select customer_id from collection_case where id = ?", rs -> rs.next() ? rs.getLong(1) : null, caseId);
            if (customer == null) {
                throw new NotFoundException("case", caseId);
            }
            throw new InvalidInputException("contactId", Long.toString(contactId), "contact " + contactId + " is not a contact of case " + caseId);
        }
        if (accountId != null && t.accountIds().length == 0) {
            Long customer = jdbc.query("select customer_id from account where id = ?", rs -> rs.next() ? rs.getLong(1) : null, accountId);
            if (customer == null) {
                throw new NotFoundException("account", accountId);
            }
            throw new InvalidInputException("contactId", Long.toString(contactId), "contact " + contactId + " is not a contact of account " + accountId);
        }
        return loaded;
    }

    /** Facts of many people at once (the call list): by contact id, each with its case. */
    Map<Long, Loaded> loadAll(long[] contactIds, long[] caseIds, Instant since, Instant at) {
        Map<Long, Loaded> out = new HashMap<>(contactIds.length * 2);
        if (contactIds.length == 0) {
            return out;
        }
        Map<Long, Target> targets = new HashMap<>(contactIds.length * 2);
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select ct.id, ct.customer_id, ct.role, ct.phone, ct.email, ct.address, ct.valid, cu.region_code, cu.address, w.case_id,
                           array(select a.id from account a where a.customer_id = ct.customer_id order by a.id),
                           array(select a.product from account a where a.customer_id = ct.customer_id order by a.id)
                    from unnest(?::bigint[], ?::bigint[]) w(contact_id, case_id)
                    join contact ct on ct.id = w.contact_id join customer cu on cu.id = ct.customer_id""");
            ps.setArray(1, con.createArrayOf("bigint", box(contactIds)));
            ps.setArray(2, con.createArrayOf("bigint", box(caseIds)));
            return ps;
        }, rs -> {
            Target t = target(rs);
            targets.put(t.contactId(), t);
        });
        Map<Long, List<Attempt>> history = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + ATTEMPT_COLUMNS
                    + " from contact_attempt where contact_id = any(?) and at >= ? and voided_at is null order by contact_id, at, id");
            ps.setArray(1, con.createArrayOf("bigint", box(contactIds)));
            ps.setTimestamp(2, Timestamp.from(since));
            return ps;
        }, rs -> {
            history.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>()).add(attempt(rs));
        });
        Map<Long, List<Hold>> holdsByCustomer = new HashMap<>();
        Map<Long, Long> customerOf = new HashMap<>();
        targets.values().forEach(t -> customerOf.put(t.contactId(), t.customerId()));
        long[] customers = targets.values().stream().mapToLong(Target::customerId).distinct().toArray();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select customer_id, " + HOLD_COLUMNS
                    + " from contact_hold where customer_id = any(?) and (effective_until is null or effective_until > ?)");
            ps.setArray(1, con.createArrayOf("bigint", box(customers)));
            ps.setTimestamp(2, Timestamp.from(at));
            return ps;
        }, rs -> {
            holdsByCustomer.computeIfAbsent(rs.getLong("customer_id"), k -> new ArrayList<>()).add(hold(rs));
        });
        Map<Long, List<Consent>> consents = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement ps = con.prepareStatement("select " + CONSENT_COLUMNS
                    + " from contact_consent where contact_id = any(?) and (revoked_at is null or revoked_at > ?) and (valid_until is null or valid_until > ?)");
            ps.setArray(1, con.createArrayOf("bigint", box(contactIds)));
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setTimestamp(3, Timestamp.from(at));
            return ps;
        }, rs -> {
            consents.computeIfAbsent(rs.getLong("contact_id"), k -> new ArrayList<>()).add(consent(rs));
        });
        for (Target t : targets.values()) {
            String me = Long.toString(t.contactId());
            List<Hold> holds = holdsByCustomer.getOrDefault(t.customerId(), List.of()).stream()
                    .filter(h -> h.contactId() == null || h.contactId().equals(me)).toList();
            out.put(t.contactId(), new Loaded(t, history.getOrDefault(t.contactId(), List.of()), holds,
                    consents.getOrDefault(t.contactId(), List.of()), null));
        }
        return out;
    }

    // Columns of the one-trip rows: 1 k, 2-4 n1..n3, 5-10 s1..s6, 11-13 t1..t3, 14 a1, 15 a2, 16 x, 17 d, 18 w1, 19 w2, 20 b, 21 i.

    private static Target wideTarget(ResultSet rs) throws SQLException {
        long caseId = rs.getLong(4);
        Long caseValue = rs.wasNull() ? null : caseId;
        Object[] products = (Object[]) rs.getArray(16).getArray();
        String[] productTexts = new String[products.length];
        for (int i = 0; i < products.length; i++) {
            productTexts[i] = (String) products[i];
        }
        return new Target(rs.getLong(2), rs.getLong(3), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getBoolean(20), rs.getString(9), rs.getString(10), caseValue, longs(rs.getArray(14)), productTexts);
    }

    private static Attempt wideAttempt(ResultSet rs) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString(5));
        String outcomeText = rs.getString(7);
        Outcome outcome = outcomeText != null ? Outcome.valueOf(outcomeText) : pendingAs(channel);
        long inResponseTo = rs.getLong(4);
        String answered = rs.wasNull() ? null : Long.toString(inResponseTo);
        String endpoint = rs.getString(9);
        String kind = rs.getString(10);
        return new Attempt(Long.toString(rs.getLong(2)), rs.getTimestamp(11).toInstant(), Long.toString(rs.getLong(3)), channel,
                Direction.valueOf(rs.getString(6)), outcome, ids(rs.getArray(14)), ids(rs.getArray(15)), Purpose.valueOf(rs.getString(8)),
                endpoint == null ? null : Endpoint.of(endpoint, kind == null ? Endpoint.Kind.OTHER : Endpoint.Kind.valueOf(kind)), answered,
                rs.getInt(21));
    }

    private static Hold wideHold(ResultSet rs) throws SQLException {
        long contact = rs.getLong(2);
        boolean perContact = !rs.wasNull() && "CONTACT".equals(rs.getString(6));
        Timestamp until = rs.getTimestamp(12);
        String medium = rs.getString(7);
        String place = rs.getString(9);
        return new Hold(HoldKind.valueOf(rs.getString(5)), rs.getTimestamp(11).toInstant(), until == null ? null : until.toInstant(),
                perContact ? Long.toString(contact) : null, ids(rs.getArray(14)), medium == null ? null : Medium.valueOf(medium), rs.getString(8),
                place == null ? null : Place.valueOf(place));
    }

    private static Consent wideConsent(ResultSet rs) throws SQLException {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Object c : (Object[]) rs.getArray(16).getArray()) {
            channels.add(Channel.valueOf((String) c));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object d : (Object[]) rs.getArray(17).getArray()) {
            days.add(DayOfWeek.of(((Number) d).intValue()));
        }
        String zone = rs.getString(8);
        Timestamp validUntil = rs.getTimestamp(12);
        Timestamp revoked = rs.getTimestamp(13);
        return new Consent(Long.toString(rs.getLong(2)), ConsentSource.valueOf(rs.getString(5)), rs.getTimestamp(11).toInstant(), channels,
                ids(rs.getArray(14)), days, rs.getObject(18, LocalTime.class), rs.getObject(19, LocalTime.class), zone == null ? null : ZoneId.of(zone),
                rs.getString(9), validUntil == null ? null : validUntil.toInstant(), revoked == null ? null : revoked.toInstant());
    }

    private static Long[] box(long[] values) {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i] == 0 ? null : values[i];
        }
        return boxed;
    }

    private static Target target(ResultSet rs) throws SQLException {
        long caseId = rs.getLong(10);
        Long caseValue = rs.wasNull() ? null : caseId;
        Object[] products = (Object[]) rs.getArray(12).getArray();
        String[] productTexts = new String[products.length];
        for (int i = 0; i < products.length; i++) {
            productTexts[i] = (String) products[i];
        }
        return new Target(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                rs.getBoolean(7), rs.getString(8), rs.getString(9), caseValue, longs(rs.getArray(11)), productTexts);
    }

    static long[] longs(Array array) throws SQLException {
        if (array == null) {
            return new long[0];
        }
        Object[] values = (Object[]) array.getArray();
        long[] out = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).longValue();
        }
        return out;
    }

    static Set<String> ids(Array array) throws SQLException {
        if (array == null) {
            return Set.of();
        }
        Object[] values = (Object[]) array.getArray();
        if (values.length == 0) {
            return Set.of();
        }
        Set<String> out = new HashSet<>(values.length * 2);
        for (Object v : values) {
            out.add(v.toString());
        }
        return out;
    }

    private static final Channel[] CHANNELS = Channel.values();

    /** A ledger row as the rules see it. A pending entry counts as made: a call as unanswered, a message as delivered. */
    static Attempt attempt(ResultSet rs) throws SQLException {
        Channel channel = Channel.valueOf(rs.getString("channel"));
        String outcomeText = rs.getString("outcome");
        Outcome outcome = outcomeText != null ? Outcome.valueOf(outcomeText) : pendingAs(channel);
        String endpoint = rs.getString("endpoint");
        String kind = rs.getString("endpoint_kind");
        long inResponseTo = rs.getLong("in_response_to");
        String answered = rs.wasNull() ? null : Long.toString(inResponseTo);
        return new Attempt(rs.getString("id"), rs.getTimestamp("at").toInstant(), rs.getString("contact_id"), channel,
                Direction.valueOf(rs.getString("direction")), outcome, ids(rs.getArray("account_ids")), ids(rs.getArray("discussed_account_ids")),
                Purpose.valueOf(rs.getString("purpose")),
                endpoint == null ? null : Endpoint.of(endpoint, kind == null ? Endpoint.Kind.OTHER : Endpoint.Kind.valueOf(kind)),
                answered, rs.getInt("staff_count"));
    }

    static Outcome pendingAs(Channel channel) {
        return channel.isCall() || channel == Channel.VISIT ? Outcome.NO_ANSWER : Outcome.DELIVERED;
    }

    static Hold hold(ResultSet rs) throws SQLException {
        Timestamp until = rs.getTimestamp("effective_until");
        String medium = rs.getString("medium");
        String place = rs.getString("place");
        long contact = rs.getLong("contact_id");
        boolean perContact = !rs.wasNull() && "CONTACT".equals(rs.getString("level"));
        return new Hold(HoldKind.valueOf(rs.getString("kind")), rs.getTimestamp("effective_from").toInstant(),
                until == null ? null : until.toInstant(), perContact ? Long.toString(contact) : null, ids(rs.getArray("account_ids")),
                medium == null ? null : Medium.valueOf(medium), rs.getString("endpoint"), place == null ? null : Place.valueOf(place));
    }

    static Consent consent(ResultSet rs) throws SQLException {
        Object[] channelTexts = (Object[]) rs.getArray("channels").getArray();
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        for (Object c : channelTexts) {
            channels.add(Channel.valueOf((String) c));
        }
        Object[] dayNumbers = (Object[]) rs.getArray("days").getArray();
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (Object d : dayNumbers) {
            days.add(DayOfWeek.of(((Number) d).intValue()));
        }
        String zone = rs.getString("zone");
        Timestamp validUntil = rs.getTimestamp("valid_until");
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new Consent(rs.getString("contact_id"), ConsentSource.valueOf(rs.getString("source")), rs.getTimestamp("received_at").toInstant(),
                channels, ids(rs.getArray("account_ids")), days, rs.getObject("window_start", LocalTime.class),
                rs.getObject("window_end", LocalTime.class), zone == null ? null : ZoneId.of(zone), rs.getString("endpoint"),
                validUntil == null ? null : validUntil.toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
