package dev.recoup.contact.domain;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * One proposed contact as the rules see it: the request, the facts, the pack, the person's zones
 * as fast clocks, and the questions several rules ask (is a consent open now, is this an allowed
 * reply to something the person sent, does a ledger call count). Made by {@link ContactGate} for
 * one decision; rules read it, nothing else creates it.
 */
public final class Situation {

    static final long NEVER = Long.MAX_VALUE;

    final ContactRequest request;
    final ContactFacts facts;
    final RulePack pack;
    final ContactHistory history;
    final ZoneClock[] zones;
    final ZoneClock primary;
    /** The debts the request concerns; {@code ""} alone when it names none (= every debt). */
    final String[] debts;
    final boolean thirdParty;
    /** The person's index in the history ({@link ContactHistory#contactIndex}), -1 when the history has no entry with them. */
    final int person;
    final long at;
    final long horizon;

    Situation(ContactRequest request, ContactFacts facts, RulePack pack) {
        this.request = request;
        this.facts = facts;
        this.pack = pack;
        this.history = facts.history();
        List<ZoneId> ids = (facts.zones().isEmpty() ? pack.defaultZones() : facts.zones()).zones();
        this.zones = new ZoneClock[ids.size()];
        for (int i = 0; i < zones.length; i++) {
            zones[i] = new ZoneClock(ids.get(i));
        }
        this.primary = zones[0];
        this.debts = request.debtIds().isEmpty() ? new String[] {""} : request.debtIds().toArray(new String[0]);
        ContactRole role = request.role();
        this.thirdParty = role != ContactRole.ATTORNEY && !pack.debtorSide().contains(role);
        this.person = history.contactIndex(request.contactId());
        this.at = request.at().getEpochSecond();
        this.horizon = at + 366L * ZoneClock.DAY;
    }

    public ContactRequest request() {
        return request;
    }

    public ContactFacts facts() {
        return facts;
    }

    /** Whether the person contacted is a third party for this pack (not the debtor's side, not their attorney). */
    public boolean thirdParty() {
        return thirdParty;
    }

    ZoneClock clock(ZoneId zone) {
        if (zone == null) {
            return primary;
        }
        for (ZoneClock clock : zones) {
            if (clock.id.equals(zone)) {
                return clock;
            }
        }
        return new ZoneClock(zone);
    }

    // ---- recurring local windows (consents, inconvenient times) ----

    /** Whether local time in {@code clock} at {@code t} is inside the window on one of {@code days}; a null window is the whole day. */
    static boolean inWindow(ZoneClock clock, Set<DayOfWeek> days, LocalTime start, LocalTime end, long t) {
        long day = clock.day(t);
        if (start == null) {
            return dayMatches(days, day);
        }
        int second = clock.secondOfDay(t);
        int s = start.toSecondOfDay();
        int e = end.toSecondOfDay();
        if (s < e) {
            return second >= s && second < e && dayMatches(days, day);
        }
        // Wraps midnight: the part after midnight belongs to the day the window started.
        return second >= s && dayMatches(days, day) || second < e && dayMatches(days, day - 1);
    }

    /** The next instant after {@code t} at which {@link #inWindow} may change. */
    static long windowEdge(ZoneClock clock, LocalTime start, LocalTime end, long t) {
        long day = clock.day(t);
        long edge = clock.instant(day + 1, 0);
        if (start != null) {
            for (long d = day; d <= day + 1; d++) {
                edge = after(t, edge, clock.instant(d, start.toSecondOfDay()));
                edge = after(t, edge, clock.instant(d, end.toSecondOfDay()));
            }
        }
        return edge;
    }

    private static boolean dayMatches(Set<DayOfWeek> days, long epochDay) {
        return days.isEmpty() || days.contains(DayOfWeek.of(ZoneClock.dayOfWeek(epochDay) + 1));
    }

    /** The smaller of {@code best} and {@code candidate} when the candidate lies after {@code t}. */
    static long after(long t, long best, long candidate) {
        return candidate > t && candidate < best ? candidate : best;
    }

    static long seconds(java.time.Instant instant) {
        return instant == null ? NEVER : instant.getEpochSecond();
    }

    // ---- consents ----

    private boolean consentFits(Consent c, Set<ConsentSource> sources) {
        return c.contactId().equals(request.contactId()) && sources.contains(c.source()) && c.covers(request.channel())
                && coversRequestDebts(c);
    }

    private boolean coversRequestDebts(Consent c) {
        for (String debt : debts) {
            if (!c.coversDebt(debt)) {
                return false;
            }
        }
        return true;
    }

    /** A consent with a time window, from an honoured source, open at {@code t}. */
    boolean timeConsent(long t, Set<ConsentSource> sources) {
        if (sources.isEmpty()) {
            return false;
        }
        for (Consent c : facts.consents()) {
            if (c.hasTimeWindow() && consentFits(c, sources) && c.validAt(t)
                    && inWindow(clock(c.zone()), c.days(), c.windowStart(), c.windowEnd(), t)) {
                return true;
            }
        }
        return false;
    }

    /** A consent naming the request's endpoint, open at {@code t} (its window, if it has one, included). */
    boolean endpointConsent(long t, Set<ConsentSource> sources) {
        if (sources.isEmpty() || request.endpoint() == null) {
            return false;
        }
        for (Consent c : facts.consents()) {
            if (request.endpoint().address().equals(c.endpoint()) && consentFits(c, sources) && c.validAt(t)
                    && inWindow(clock(c.zone()), c.days(), c.windowStart(), c.windowEnd(), t)) {
                return true;
            }
        }
        return false;
    }

    /** The next instant after {@code t} at which any consent of the person may open or close. */
    long consentEdge(long t, Set<ConsentSource> sources) {
        long edge = NEVER;
        if (sources.isEmpty()) {
            return edge;
        }
        for (Consent c : facts.consents()) {
            if (!consentFits(c, sources)) {
                continue;
            }
            edge = after(t, edge, c.receivedAt().getEpochSecond());
            edge = after(t, edge, seconds(c.validUntil()));
            edge = after(t, edge, seconds(c.revokedAt()));
            if (c.validAt(t) || c.receivedAt().getEpochSecond() > t) {
                edge = after(t, edge, windowEdge(clock(c.zone()), c.windowStart(), c.windowEnd(), t));
            }
        }
        return edge;
    }

    // ---- replies to what the person sent ----

    /**
     * Whether the request answers, once and through the same medium, something the person sent or
     * said to us ({@link ContactRequest#inResponseTo()}) before {@code t}; with {@code sameDay}, only on
     * the local day it came in (Reg F comment 6(b)(1)-2: "respond once at that time").
     */
    boolean permittedReply(long t, boolean sameDay) {
        String id = request.inResponseTo();
        if (id == null) {
            return false;
        }
        Attempt inbound = history.byId(id);
        if (inbound == null || inbound.outbound() || !inbound.contactId().equals(request.contactId())
                || inbound.channel().medium() != request.channel().medium()) {
            return false;
        }
        long received = inbound.at().getEpochSecond();
        if (received > t || history.answered(id)) {
            return false;
        }
        return !sameDay || primary.day(received) == primary.day(t);
    }

    /** When the inbound entry being answered arrives, if after {@code t}. */
    long replyEdge(long t) {
        String id = request.inResponseTo();
        Attempt inbound = id == null ? null : history.byId(id);
        return inbound == null ? NEVER : after(t, NEVER, inbound.at().getEpochSecond());
    }

    // ---- Regulation F call counting ----

    boolean misdirected(Attempt a) {
        return a.outcome() == Outcome.WRONG_NUMBER
                || a.endpoint() != null && facts.misdirectedEndpoints().contains(a.endpoint().address());
    }

    /** A telephone conversation with the person (not with whoever else picked up). */
    boolean conversationWithPerson(Attempt a) {
        Outcome expected = request.role() == ContactRole.SELF ? Outcome.CONVERSATION_DEBTOR : Outcome.CONVERSATION_THIRD_PARTY;
        return a.outcome() == expected && a.channel().isCall() && a.contactId().equals(request.contactId()) && !misdirected(a);
    }

    /**
     * Whether a call at {@code t} about {@code debt} is excluded from Regulation F's frequencies by the
     * person's prior consent (§1006.14(b)(3)(i)): given directly, for calls, about that debt, received
     * at most six local days before (the day of receipt is day 1 of seven), not ended or revoked, its
     * day/time window (if any) open, and no telephone conversation about the debt since it was received
     * (comment 14(b)(3)(i)-2).
     */
    boolean frequencyConsent(long t, String debt, Channel channel) {
        for (Consent c : facts.consents()) {
            if (c.source() != ConsentSource.DEBTOR_DIRECT || !c.contactId().equals(request.contactId()) || !c.covers(channel)
                    || !c.coversDebt(debt) || !c.validAt(t)) {
                continue;
            }
            long received = c.receivedAt().getEpochSecond();
            if (primary.day(t) > primary.day(received) + 6) {
                continue;
            }
            if (c.hasTimeWindow() || !c.days().isEmpty()) {
                if (!inWindow(clock(c.zone()), c.days(), c.windowStart(), c.windowEnd(), t)) {
                    continue;
                }
            }
            if (!conversationBetween(received, t, debt)) {
                return true;
            }
        }
        return false;
    }

    private boolean conversationBetween(long fromExclusive, long toExclusive, String debt) {
        for (int i = history.firstAtOrAfter(fromExclusive + 1); i < history.size() && history.second(i) < toExclusive; i++) {
            Attempt a = history.get(i);
            if (conversationWithPerson(a) && a.discussed(debt)) {
                return true;
            }
        }
        return false;
    }

    /** Edges at which frequency consents may change at or after {@code t}: consent edges and conversations. */
    long frequencyConsentEdge(long t) {
        long edge = NEVER;
        boolean any = false;
        for (Consent c : facts.consents()) {
            if (c.source() == ConsentSource.DEBTOR_DIRECT && c.contactId().equals(request.contactId())) {
                any = true;
                edge = after(t, edge, c.receivedAt().getEpochSecond());
                edge = after(t, edge, seconds(c.validUntil()));
                edge = after(t, edge, seconds(c.revokedAt()));
                edge = after(t, edge, windowEdge(clock(c.zone()), c.windowStart(), c.windowEnd(), t));
            }
        }
        if (any) {
            for (int i = history.firstAtOrAfter(t + 1); i < history.size(); i++) {
                if (conversationWithPerson(history.get(i))) {
                    edge = after(t, edge, history.second(i) + 1);
                    break;
                }
            }
        }
        return edge;
    }

    /**
     * Whether ledger entry {@code a} is a telephone call placed to the person about {@code debt} that
     * counts toward Regulation F's frequencies: outbound, connected (busy and not-in-service do not
     * count, comment 14(b)(3)(ii)-1), really to the person (not a wrong or misdirected number), and
     * not placed under the person's prior consent.
     */
    boolean countsTowardFrequency(int i, String debt) {
        if (!history.outbound(i) || history.contact(i) != person || !history.channel(i).isCall() || !history.outcome(i).connected()
                || history.outcome(i) == Outcome.WRONG_NUMBER) {
            return false;
        }
        Attempt a = history.get(i);
        return a.placedAbout(debt) && !misdirected(a) && (facts.consents().isEmpty() || !frequencyConsent(history.second(i), debt, a.channel()));
    }
}
