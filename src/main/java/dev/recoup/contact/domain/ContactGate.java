package dev.recoup.contact.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The one gate every contact goes through (R10): task creation, the dialer's call list, the
 * SMS/e-mail sender and the agent's call button all ask {@link #decide}. Immutable and thread-safe;
 * make one per pack and keep it.
 *
 * <p>How a caller uses it:
 * <pre>{@code
 * ContactGate gate = new ContactGate(ChinaPack.pack(parameters));      // per portfolio's pack
 * ContactFacts facts = ContactFacts.builder()
 *         .zones(PossibleZones.union(ChinaTimeZones.forRegionCode(region), ChinaTimeZones.forPhone(phone)))
 *         .history(ledgerOf(contactId, at.minus(gate.pack().historyLookback())))   // and anything later
 *         .consent(...).hold(...).inconvenient(...)                               // each as often as needed
 *         .build();
 * Decision decision = gate.decide(request, facts);
 * }</pre>
 *
 * <p>The next allowed time is searched forward from the proposed time: every hard rule says from
 * when it would stop objecting (the end of its window, the next midnight, the end of a hold), the
 * latest of those becomes the new candidate, and the rules are asked again until all agree — a
 * fixed point, which is the earliest instant all rules allow. The search gives up (null) when a rule
 * will never allow the contact as asked, or after a year.
 */
public final class ContactGate {

    private static final int MAX_ROUNDS = 2_000;
    private static final int MAX_STEPS = 2_000;

    private final RulePack pack;
    private final ContactRule[] hard;
    private final ContactRule[] soft;

    public ContactGate(RulePack pack) {
        this.pack = pack;
        this.hard = pack.rules().stream().filter(r -> r.strength() == Strength.HARD).toArray(ContactRule[]::new);
        this.soft = pack.rules().stream().filter(r -> r.strength() == Strength.SOFT).toArray(ContactRule[]::new);
    }

    public RulePack pack() {
        return pack;
    }

    /** Allowed, or denied with every hard rule that objects and the next allowed instant. */
    public Decision decide(ContactRequest request, ContactFacts facts) {
        Situation s = new Situation(request, facts, pack);
        long t = s.at;
        List<RuleHit> hits = null;
        for (ContactRule rule : hard) {
            RuleHit hit = rule.check(s, t, true);
            if (hit != null) {
                if (hits == null) {
                    hits = new ArrayList<>(2);
                }
                hits.add(hit);
            }
        }
        List<RuleHit> advisories = List.of();
        for (ContactRule rule : soft) {
            RuleHit hit = rule.check(s, t, true);
            if (hit != null) {
                if (advisories.isEmpty()) {
                    advisories = new ArrayList<>(1);
                }
                advisories.add(hit);
            }
        }
        if (hits == null) {
            return new Decision.Allowed(request.at(), advisories);
        }
        return new Decision.Denied(request.at(), hits, instant(request, search(s, hard)), advisories);
    }

    /**
     * The earliest instant at or after the request's time that every rule allows and every soft rule
     * prefers (for ordering a call list by the best slot); null when none within a year.
     */
    public Instant nextPreferredAt(ContactRequest request, ContactFacts facts) {
        Situation s = new Situation(request, facts, pack);
        ContactRule[] all = pack.rules().toArray(ContactRule[]::new);
        return instant(request, search(s, all));
    }

    /** One rule's verdict on its own (with this gate's pack for roles and default zones): its hit, or null. */
    public RuleHit check(ContactRule rule, ContactRequest request, ContactFacts facts) {
        Situation s = new Situation(request, facts, pack);
        return rule.check(s, s.at, true);
    }

    private static Instant instant(ContactRequest request, long second) {
        if (second == Situation.NEVER) {
            return null;
        }
        return second == request.at().getEpochSecond() ? request.at() : Instant.ofEpochSecond(second);
    }

    private static long search(Situation s, ContactRule[] rules) {
        long t = s.at;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (ContactRule rule : rules) {
                long earliest = earliestAllowed(rule, s, t);
                if (earliest == Situation.NEVER) {
                    return Situation.NEVER;
                }
                if (earliest > t) {
                    t = earliest;
                    moved = true;
                }
            }
            if (!moved) {
                return t;
            }
        }
        return Situation.NEVER;
    }

    /** The first second ≥ {@code from} at which {@code rule} alone does not object, stepping through its own boundaries. */
    private static long earliestAllowed(ContactRule rule, Situation s, long from) {
        long t = from;
        for (int step = 0; step < MAX_STEPS; step++) {
            if (rule.check(s, t, false) == null) {
                return t;
            }
            long next = rule.nextChange(s, t);
            if (next == Situation.NEVER || next > s.horizon) {
                return Situation.NEVER;
            }
            t = Math.max(next, t + 1);
        }
        return Situation.NEVER;
    }
}
