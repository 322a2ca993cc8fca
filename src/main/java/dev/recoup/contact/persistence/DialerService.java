package dev.recoup.contact.persistence;

import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The dialer's side of the gate (see docs/dialer-contract.md). The call list holds only numbers the
 * gate allows, each with the slot to call in — the allowed slot with the best learned
 * right-party-contact rate (R11) within the list's horizon — and each entry is reserved in the ledger
 * as a pending call for its slot, so the caps count it and no second list or agent can use the same
 * room. Results come back through the signed webhook and fill in the reserved entry, once per dialer
 * call id. Entries not dialled by the end of their slot are voided (they were never attempts); a hold
 * placed, a consent revoked or the rule pack changed cancels the entries it could make unlawful.
 */
@Service
public class DialerService {

    /** One number to call, in its slot. {@code entryId} is what the result must name. */
    public record Entry(long entryId, long caseId, long contactId, String phone, String channel, Instant callFrom, Instant callUntil,
                        double score, String region) {
    }

    /**
     * @param considered contacts the gate was asked about
     * @param refused    of those, how many had no allowed slot in the horizon
     */
    public record CallList(Instant at, Instant until, String queue, String channel, int considered, int refused, List<Entry> entries) {
    }

    /** An entry as the dialer may check it before dialling: RESERVED (dial it), CANCELLED (do not), REPORTED (done). */
    public record EntryStatus(long entryId, String status, Instant callFrom, Instant callUntil, String voidReason, String dialerCallId, String outcome) {
    }

    /** A call result from the dialer. */
    public record Result(String callId, Long entryId, Instant startedAt, Instant endedAt, Outcome outcome, String consentNote) {
    }

    /** What the webhook did: RECORDED, or DUPLICATE (the same call id reported again: nothing changed). */
    public record Recorded(String status, long entryId, boolean withinSlot, LedgerStore.AttemptView attempt) {
    }

    static final int CALL_LIST_LOCK = 73_011;
    private static final int MAX_SLOT_EVALUATIONS = 8;

    private final GateFacts facts;
    private final GateService gate;
    private final PackSettings settings;
    private final BestTimes bestTimes;
    private final LedgerStore ledger;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final BusinessClock clock;
    private final Duration slot;
    private final Duration grace;

    DialerService(GateFacts facts, GateService gate, PackSettings settings, BestTimes bestTimes, LedgerStore ledger, JdbcClient jdbc,
                  JdbcTemplate template, BusinessClock clock, @Value("${recoup.contact.dialer.slot:PT30M}") Duration slot,
                  @Value("${recoup.contact.dialer.report-grace:PT15M}") Duration grace) {
        this.facts = facts;
        this.gate = gate;
        this.settings = settings;
        this.bestTimes = bestTimes;
        this.ledger = ledger;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
        this.slot = slot;
        this.grace = grace;
    }

    /**
     * The numbers to call from {@code at} until {@code until}: for open tasks of {@code channel}'s type
     * in {@code queue} (all queues when null) due by then, the debtor's own number, least recently
     * contacted first; each allowed by the gate throughout its slot; ordered by slot, then by score.
     */
    @Transactional
    public CallList callList(String queue, Channel channel, Instant at, Instant until, int limit) {
        if (channel != Channel.ROBOT_CALL && channel != Channel.AGENT_CALL) {
            throw new InvalidInputException("channel", String.valueOf(channel), "the dialer places ROBOT_CALL or AGENT_CALL");
        }
        if (!until.isAfter(at) || Duration.between(at, until).compareTo(Duration.ofDays(1)) > 0) {
            throw new InvalidInputException("until", until.toString(), "until must be after at and at most a day later");
        }
        if (limit < 1 || limit > 20_000) {
            throw new InvalidInputException("limit", Integer.toString(limit), "limit must be between 1 and 20000");
        }
        // One list at a time, and no call button while a list is being made (the button holds this lock
        // shared): neither can use room in a person's cap that the other is filling. One lock, not one
        // per person — a list of 20,000 would exhaust the lock table.
        jdbc.sql("select pg_advisory_xact_lock(?, 0)").param(CALL_LIST_LOCK).query((rs, n) -> 1).list();
        expireUnreported(at);
        ZoneId zone = clock.zone();
        List<long[]> candidates = template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select t.case_id, ct.id
                    from (select distinct on (case_id) case_id, due_on from task
                          where status = 'OPEN' and type = ? and due_on <= ? and (?::text is null or queue = ?)
                          order by case_id, due_on) t
                    join collection_case cc on cc.id = t.case_id and cc.status = 'OPEN'
                    join contact ct on ct.customer_id = cc.customer_id and ct.role = 'self' and ct.valid and ct.phone is not null
                    left join lateral (select a.at from contact_attempt a where a.contact_id = ct.id and a.voided_at is null
                                       order by a.at desc limit 1) last on true
                    where not exists (select 1 from contact_attempt r
                                      where r.contact_id = ct.id and r.via = 'DIALER' and r.outcome is null and r.voided_at is null)
                    order by t.due_on, last.at nulls first, t.case_id
                    limit ?""");
            ps.setString(1, channel.name());
            ps.setObject(2, until.atZone(zone).toLocalDate());
            ps.setString(3, queue);
            ps.setString(4, queue);
            ps.setInt(5, Math.min(limit * 2 + 50, 40_000));
            return ps;
        }, (rs, n) -> new long[]{rs.getLong(1), rs.getLong(2)});
        if (candidates.isEmpty()) {
            return new CallList(at, until, queue, channel.name(), 0, 0, List.of());
        }
        long[] contactIds = candidates.stream().mapToLong(c -> c[1]).toArray();
        long[] caseIds = candidates.stream().mapToLong(c -> c[0]).toArray();
        Map<Long, GateFacts.Loaded> loaded = facts.loadAll(contactIds, caseIds, at.minus(settings.lookback()), at);
        List<Entry> entries = new ArrayList<>();
        int refused = 0;
        int considered = 0;
        for (long[] c : candidates) {
            if (entries.size() >= limit) {
                break;
            }
            GateFacts.Loaded l = loaded.get(c[1]);
            if (l == null) {
                continue;
            }
            considered++;
            Entry e = bestSlot(l, c[0], channel, at, until, zone);
            if (e == null) {
                refused++;
            } else {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparing(Entry::callFrom).thenComparing(Comparator.comparingDouble(Entry::score).reversed())
                .thenComparingLong(Entry::caseId));
        return new CallList(at, until, queue, channel.name(), considered, refused, reserve(entries, channel));
    }

    /** The allowed slot with the best learned rate in [at, until), or null when the gate allows none. */
    private Entry bestSlot(GateFacts.Loaded l, long caseId, Channel channel, Instant at, Instant until, ZoneId zone) {
        ProposedContact first = proposal(caseId, l.target().contactId(), channel, at);
        Decision now = gate.evaluate(first, l).decision();
        Instant start = now.allowed() ? at : now.nextAllowedAt();
        if (start == null || !start.isBefore(until)) {
            return null;
        }
        List<Instant> slots = new ArrayList<>();
        slots.add(start);
        Instant preferred = gate.nextPreferredAt(proposal(caseId, l.target().contactId(), channel, start), l);
        if (preferred != null && preferred.isAfter(start) && preferred.isBefore(until)) {
            slots.add(preferred);
        }
        for (Instant s = boundaryAfter(start); s.isBefore(until); s = s.plus(slot)) {
            slots.add(s);
        }
        String province = l.target().province();
        slots.sort(Comparator.comparingDouble((Instant s) -> -bestTimes.rpcRate(province, s.atZone(zone))).thenComparing(s -> s));
        Instant best = null;
        Instant bestEnd = null;
        double bestScore = -1;
        int evaluations = 0;
        for (Instant s : slots) {
            double raw = bestTimes.rpcRate(province, s.atZone(zone));
            if (best != null && raw <= bestScore || evaluations++ >= MAX_SLOT_EVALUATIONS) {
                break;
            }
            Instant end = boundaryAfter(s);
            end = end.isAfter(until) ? until : end;
            Decision from = s.equals(at) ? now : gate.evaluate(proposal(caseId, l.target().contactId(), channel, s), l).decision();
            if (!from.allowed() || !gate.evaluate(proposal(caseId, l.target().contactId(), channel, end.minusSeconds(1)), l).decision().allowed()) {
                continue;
            }
            double score = from.advisories().isEmpty() ? raw : raw / 2;
            if (score > bestScore) {
                best = s;
                bestEnd = end;
                bestScore = score;
            }
        }
        if (best == null) {
            return null;
        }
        return new Entry(0, caseId, l.target().contactId(), l.target().phone(), channel.name(), best, bestEnd, bestScore, province);
    }

    /** The next slot boundary strictly after {@code t} (slots are aligned to the slot length from midnight UTC — whole half hours by default). */
    private Instant boundaryAfter(Instant t) {
        long size = slot.getSeconds();
        long s = t.getEpochSecond();
        return Instant.ofEpochSecond((s / size + 1) * size);
    }

    private static ProposedContact proposal(long caseId, long contactId, Channel channel, Instant at) {
        return new ProposedContact(caseId, null, contactId, channel, at, Purpose.COLLECTION, true, 0);
    }

    /** Records every entry as a pending call reserved for its slot; returns them with their entry ids. */
    private List<Entry> reserve(List<Entry> entries, Channel channel) {
        if (entries.isEmpty()) {
            return entries;
        }
        int n = entries.size();
        Long[] cases = new Long[n];
        Long[] contacts = new Long[n];
        String[] phones = new String[n];
        Timestamp[] from = new Timestamp[n];
        Timestamp[] until = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            cases[i] = e.caseId();
            contacts[i] = e.contactId();
            phones[i] = e.phone();
            from[i] = Timestamp.from(e.callFrom());
            until[i] = Timestamp.from(e.callUntil());
        }
        List<long[]> ids = template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    insert into contact_attempt (case_id, customer_id, contact_id, channel, endpoint, endpoint_kind, at, purpose, account_ids, made_by,
                        via, slot_start, expires_at)
                    select e.case_id, ct.customer_id, e.contact_id, ?, e.phone,
                           case when e.phone ~ '^1[3-9][0-9]{9}$' then 'MOBILE_PHONE' else 'OTHER' end,
                           e.slot_from, 'COLLECTION', array(select a.id from account a where a.customer_id = ct.customer_id order by a.id), 'dialer',
                           'DIALER', e.slot_from, e.slot_until
                    from unnest(?::bigint[], ?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[]) with ordinality
                         as e(case_id, contact_id, phone, slot_from, slot_until, ord)
                    join contact ct on ct.id = e.contact_id
                    order by e.ord
                    returning id, contact_id""");
            ps.setString(1, channel.name());
            ps.setArray(2, con.createArrayOf("bigint", cases));
            ps.setArray(3, con.createArrayOf("bigint", contacts));
            ps.setArray(4, con.createArrayOf("text", phones));
            ps.setArray(5, con.createArrayOf("timestamptz", from));
            ps.setArray(6, con.createArrayOf("timestamptz", until));
            return ps;
        }, (rs, i) -> new long[]{rs.getLong(1), rs.getLong(2)});
        // One entry per person in a list: the entry ids map back by contact.
        Map<Long, Long> idByContact = new java.util.HashMap<>(n * 2);
        ids.forEach(pair -> idByContact.put(pair[1], pair[0]));
        List<Entry> out = new ArrayList<>(n);
        for (Entry e : entries) {
            out.add(new Entry(idByContact.get(e.contactId()), e.caseId(), e.contactId(), e.phone(), e.channel(), e.callFrom(), e.callUntil(),
                    e.score(), e.region()));
        }
        return out;
    }

    /** Voids reserved entries whose slot ended more than the grace period before {@code at} (or now, if earlier) without a result. */
    @Transactional
    public int expireUnreported(Instant at) {
        Instant now = clock.now();
        Instant cutoff = (at.isBefore(now) ? at : now).minus(grace);
        return jdbc.sql("""
                        update contact_attempt set voided_at = ?, void_reason = 'NOT_DIALLED'
                        where via = 'DIALER' and outcome is null and voided_at is null and expires_at < ?""")
                .params(Timestamp.from(now), Timestamp.from(cutoff)).update();
    }

    public EntryStatus status(long entryId) {
        return jdbc.sql("""
                        select id, outcome, voided_at, void_reason, dialer_call_id, slot_start, expires_at from contact_attempt
                        where id = ? and via = 'DIALER'""")
                .param(entryId)
                .query((rs, n) -> new EntryStatus(rs.getLong("id"),
                        rs.getString("dialer_call_id") != null ? "REPORTED" : rs.getTimestamp("voided_at") != null ? "CANCELLED" : "RESERVED",
                        LedgerStore.instant(rs.getTimestamp("slot_start")), LedgerStore.instant(rs.getTimestamp("expires_at")),
                        rs.getString("void_reason"), rs.getString("dialer_call_id"), rs.getString("outcome")))
                .optional().orElseThrow(() -> new NotFoundException("call-list entry", entryId));
    }

    /** Records a call result on its entry, once per dialer call id. */
    @Transactional
    public Recorded record(Result r) {
        if (r.callId() == null || r.callId().isBlank() || r.callId().length() > 200) {
            throw new InvalidInputException("callId", r.callId(), "callId (the dialer's id of the call) is required");
        }
        if (r.entryId() == null) {
            throw new InvalidInputException("entryId", null, "entryId (the call-list entry dialled) is required");
        }
        if (r.startedAt() == null) {
            throw new InvalidInputException("startedAt", null, "startedAt is required");
        }
        if (r.outcome() == null) {
            throw new InvalidInputException("outcome", null, "outcome is required");
        }
        if (r.startedAt().isAfter(clock.now().plusSeconds(300))) {
            throw new InvalidInputException("startedAt", r.startedAt().toString(), "a call cannot start in the future");
        }
        if (r.endedAt() != null && r.endedAt().isBefore(r.startedAt())) {
            throw new InvalidInputException("endedAt", r.endedAt().toString(), "a call cannot end before it starts");
        }
        EntryStatus entry = status(r.entryId());
        if (r.callId().equals(entry.dialerCallId())) {
            return new Recorded("DUPLICATE", r.entryId(), within(entry, r.startedAt()), ledger.find(r.entryId()));
        }
        if (entry.dialerCallId() != null) {
            throw new ConflictException("entry " + r.entryId() + " was already reported by call " + entry.dialerCallId());
        }
        if (jdbc.sql("select count(*) from contact_attempt where dialer_call_id = ?").param(r.callId()).query(Long.class).single() > 0) {
            throw new ConflictException("call " + r.callId() + " was already reported for another entry");
        }
        // The call happened: the entry becomes the attempt as made (un-voided if it had been cancelled meanwhile).
        int updated = jdbc.sql("""
                        update contact_attempt set dialer_call_id = ?, at = ?, outcome = ?, outcome_at = ?, consent_note = ?, voided_at = null,
                            void_reason = null
                        where id = ? and dialer_call_id is null""")
                .params(r.callId(), Timestamp.from(r.startedAt()), r.outcome().name(),
                        Timestamp.from(r.endedAt() == null ? r.startedAt() : r.endedAt()),
                        r.consentNote() == null || r.consentNote().isBlank() ? null : r.consentNote().strip(), r.entryId()).update();
        if (updated == 0) {
            return record(r); // reported concurrently: answer as the duplicate or the conflict it now is
        }
        return new Recorded("RECORDED", r.entryId(), within(entry, r.startedAt()), ledger.find(r.entryId()));
    }

    /**
     * Many results at once (a dialer's batch upload), with the webhook's rules in one statement: each
     * fills its entry if that entry was not reported yet and its call id is new; the rest change
     * nothing. Returns how many were recorded.
     */
    @Transactional
    public int recordAll(List<Result> results) {
        if (results.isEmpty()) {
            return 0;
        }
        Instant latest = clock.now().plusSeconds(300);
        int n = results.size();
        Long[] entries = new Long[n];
        String[] calls = new String[n];
        Timestamp[] started = new Timestamp[n];
        Timestamp[] ended = new Timestamp[n];
        String[] outcomes = new String[n];
        for (int i = 0; i < n; i++) {
            Result r = results.get(i);
            if (r.callId() == null || r.entryId() == null || r.startedAt() == null || r.outcome() == null || r.startedAt().isAfter(latest)) {
                throw new InvalidInputException("results[" + i + "]", String.valueOf(r), "callId, entryId, startedAt (not in the future) and outcome are required");
            }
            entries[i] = r.entryId();
            calls[i] = r.callId();
            started[i] = Timestamp.from(r.startedAt());
            ended[i] = Timestamp.from(r.endedAt() == null ? r.startedAt() : r.endedAt());
            outcomes[i] = r.outcome().name();
        }
        return template.execute((java.sql.Connection con) -> {
            try (PreparedStatement ps = con.prepareStatement("""
                    update contact_attempt a set dialer_call_id = r.call_id, at = r.started_at, outcome = r.outcome, outcome_at = r.ended_at,
                        voided_at = null, void_reason = null
                    from (select distinct on (call_id) * from unnest(?::bigint[], ?::text[], ?::timestamptz[], ?::timestamptz[], ?::text[])
                          as u(entry_id, call_id, started_at, ended_at, outcome) order by call_id) r
                    where a.id = r.entry_id and a.via = 'DIALER' and a.dialer_call_id is null
                      and not exists (select 1 from contact_attempt x where x.dialer_call_id = r.call_id)""")) {
                ps.setArray(1, con.createArrayOf("bigint", entries));
                ps.setArray(2, con.createArrayOf("text", calls));
                ps.setArray(3, con.createArrayOf("timestamptz", started));
                ps.setArray(4, con.createArrayOf("timestamptz", ended));
                ps.setArray(5, con.createArrayOf("text", outcomes));
                return ps.executeUpdate();
            }
        });
    }

    /** The status of many entries at once (a dialer checking a batch before dialling): entry id → RESERVED, CANCELLED or REPORTED. */
    public Map<Long, String> statuses(long[] entryIds) {
        Map<Long, String> out = new java.util.HashMap<>(entryIds.length * 2);
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("""
                    select id, case when dialer_call_id is not null then 'REPORTED' when voided_at is not null then 'CANCELLED' else 'RESERVED' end
                    from contact_attempt where id = any(?) and via = 'DIALER'""");
            ps.setArray(1, con.createArrayOf("bigint", java.util.Arrays.stream(entryIds).boxed().toArray()));
            return ps;
        }, rs -> {
            out.put(rs.getLong(1), rs.getString(2));
        });
        return out;
    }

    private static boolean within(EntryStatus entry, Instant startedAt) {
        return entry.callFrom() != null && !startedAt.isBefore(entry.callFrom()) && startedAt.isBefore(entry.callUntil());
    }

    /** Seconds of the zone's clock, for tests and pages. */
    ZonedDateTime local(Instant t) {
        return t.atZone(clock.zone());
    }
}
