package dev.recoup.contact.persistence;

import dev.recoup.contact.ContactDecisions;
import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.ContactFacts;
import dev.recoup.contact.domain.ContactGate;
import dev.recoup.contact.domain.ContactHistory;
import dev.recoup.contact.domain.ContactRequest;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.Endpoint;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.domain.RuleHit;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one gate (R10) as a service: loads the person's facts and asks the compiled pack(s). A
 * contact about accounts of products under different packs must satisfy every one of them: it is
 * allowed only when all allow, denied with every rule of every pack that objects, and its next
 * allowed time is the first instant all packs allow (searched by asking each in turn).
 */
@Service
public class GateService implements ContactDecisions {

    /** A decision with what it was made about (the person, the endpoint, the pack). */
    public record Verdict(Decision decision, Target target, Endpoint endpoint, String packIds) {
    }

    private static final int MAX_ROUNDS = 50;

    private final GateFacts facts;
    private final PackSettings settings;

    GateService(GateFacts facts, PackSettings settings) {
        this.facts = facts;
        this.settings = settings;
    }

    @Override
    public Decision decide(ProposedContact proposed) {
        return evaluate(proposed).decision();
    }

    /** Decides with the facts as they are in the database now. */
    public Verdict evaluate(ProposedContact proposed) {
        validate(proposed);
        GateFacts.Loaded loaded = facts.load(proposed.contactId(), proposed.caseId(), proposed.accountId(),
                proposed.at().minus(settings.lookback()), proposed.at(), proposed.purpose() == Purpose.LOCATION_INFO);
        return evaluate(proposed, loaded);
    }

    Verdict evaluate(ProposedContact proposed, GateFacts.Loaded loaded) {
        Target target = loaded.target();
        if (!target.valid()) {
            throw new InvalidInputException("contactId", Long.toString(target.contactId()),
                    "the contact is marked invalid (a wrong or dead number): correct it before contacting");
        }
        Endpoint endpoint = target.endpoint(proposed.channel());
        ContactRequest request = request(proposed, target, endpoint);
        List<ContactGate> gates = settings.gatesFor(new LinkedHashSet<>(List.of(target.products())));
        ContactHistory history = ContactHistory.of(loaded.history());
        if (gates.size() == 1) {
            ContactGate gate = gates.getFirst();
            return new Verdict(gate.decide(request, facts(loaded, history, gate)), target, endpoint, gate.pack().id());
        }
        return new Verdict(combined(gates, request, loaded, history), target, endpoint,
                String.join("+", gates.stream().map(g -> g.pack().id()).toList()));
    }

    /**
     * The earliest instant at or after the proposed time that every pack allows and prefers (soft rules
     * met): what the call list orders by. Null when none within a year.
     */
    Instant nextPreferredAt(ProposedContact proposed, GateFacts.Loaded loaded) {
        Target target = loaded.target();
        ContactRequest request = request(proposed, target, target.endpoint(proposed.channel()));
        ContactHistory history = ContactHistory.of(loaded.history());
        Instant latest = null;
        for (ContactGate gate : settings.gatesFor(new LinkedHashSet<>(List.of(target.products())))) {
            Instant next = gate.nextPreferredAt(request, facts(loaded, history, gate));
            if (next == null) {
                return null;
            }
            latest = latest == null || next.isAfter(latest) ? next : latest;
        }
        return latest;
    }

    static void validate(ProposedContact p) {
        if (p.channel() == null) {
            throw new InvalidInputException("channel", null, "channel is required");
        }
        if (p.purpose() == null) {
            throw new InvalidInputException("purpose", null, "purpose is required");
        }
        if (p.at() == null) {
            throw new InvalidInputException("at", null, "at is required");
        }
        if (p.staff() < 0) {
            throw new InvalidInputException("staff", Integer.toString(p.staff()), "staff cannot be negative");
        }
    }

    static ContactRequest request(ProposedContact p, Target target, Endpoint endpoint) {
        Set<String> debts = new LinkedHashSet<>();
        for (long id : target.accountIds()) {
            debts.add(Long.toString(id));
        }
        return ContactRequest.builder()
                .caseId(target.caseId() == null ? null : target.caseId().toString())
                .accountId(p.accountId() == null ? null : p.accountId().toString())
                .contact(Long.toString(target.contactId()), target.contactRole())
                .channel(p.channel()).purpose(p.purpose()).at(p.at())
                .debts(debts).endpoint(endpoint)
                .carriesDebtDetails(p.carriesDebtDetails()).staff(p.staff())
                .build();
    }

    static ContactFacts facts(GateFacts.Loaded loaded, ContactHistory history, ContactGate gate) {
        ContactFacts.Builder b = ContactFacts.builder()
                .zones(loaded.target().zones(gate.pack().id()))
                .history(history)
                .priorLocationContactAt(loaded.priorLocationContactAt());
        loaded.holds().forEach(b::hold);
        loaded.consents().forEach(b::consent);
        return b.build();
    }

    private static Decision combined(List<ContactGate> gates, ContactRequest request, GateFacts.Loaded loaded, ContactHistory history) {
        List<ContactFacts> perGate = gates.stream().map(g -> facts(loaded, history, g)).toList();
        List<RuleHit> hits = new ArrayList<>();
        List<RuleHit> advisories = new ArrayList<>();
        Instant candidate = request.at();
        boolean never = false;
        for (int i = 0; i < gates.size(); i++) {
            Decision d = gates.get(i).decide(request, perGate.get(i));
            hits.addAll(d.hits());
            advisories.addAll(d.advisories());
            if (!d.allowed()) {
                if (d.nextAllowedAt() == null) {
                    never = true;
                } else if (d.nextAllowedAt().isAfter(candidate)) {
                    candidate = d.nextAllowedAt();
                }
            }
        }
        if (hits.isEmpty()) {
            return new Decision.Allowed(request.at(), advisories);
        }
        if (never) {
            return new Decision.Denied(request.at(), hits, null, advisories);
        }
        // Ask every pack again at the latest of their next times until all allow the same instant.
        for (int round = 0; round < MAX_ROUNDS; round++) {
            boolean moved = false;
            for (int i = 0; i < gates.size(); i++) {
                Decision d = gates.get(i).decide(request.at(candidate), perGate.get(i));
                if (!d.allowed()) {
                    if (d.nextAllowedAt() == null) {
                        return new Decision.Denied(request.at(), hits, null, advisories);
                    }
                    candidate = d.nextAllowedAt();
                    moved = true;
                }
            }
            if (!moved) {
                return new Decision.Denied(request.at(), hits, candidate, advisories);
            }
        }
        return new Decision.Denied(request.at(), hits, null, advisories);
    }
}
