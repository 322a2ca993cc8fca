package dev.recoup.contact.testing;

import dev.recoup.contact.ContactDecisions;
import dev.recoup.contact.ProposedContact;
import dev.recoup.contact.domain.Decision;
import dev.recoup.contact.domain.RuleHit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A gate for tests: allows everything until told to deny, and remembers every question. */
public class ControllableGate implements ContactDecisions {

    private final List<ProposedContact> asked = new CopyOnWriteArrayList<>();
    private volatile RuleHit denial;
    private volatile Instant nextAllowedAt;

    @Override
    public Decision decide(ProposedContact proposed) {
        asked.add(proposed);
        RuleHit hit = denial;
        if (hit == null) {
            return new Decision.Allowed(proposed.at(), List.of());
        }
        return new Decision.Denied(proposed.at(), List.of(hit), nextAllowedAt, List.of());
    }

    public void allowAll() {
        denial = null;
        nextAllowedAt = null;
    }

    /** Denies every contact by {@code ruleId}, allowed again at {@code next} (null: never known). */
    public void deny(String ruleId, String zh, String en, Instant next) {
        denial = new RuleHit(ruleId, zh, en, Map.of());
        nextAllowedAt = next;
    }

    public List<ProposedContact> asked() {
        return List.copyOf(asked);
    }

    public void reset() {
        allowAll();
        asked.clear();
    }
}
