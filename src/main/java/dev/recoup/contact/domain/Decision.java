package dev.recoup.contact.domain;

import java.time.Instant;
import java.util.List;

/**
 * The gate's answer for one proposed contact.
 *
 * <ul>
 *   <li>{@link Allowed}: no hard rule objects. {@link #nextAllowedAt()} is the proposed time itself.</li>
 *   <li>{@link Denied}: every hard rule that objects, each with its reason, and the earliest instant at
 *       or after the proposed time at which the same contact (same person, channel, purpose, content)
 *       would be allowed by all rules together — searched forward over the rules' own windows — or
 *       {@code null} when no such time is known: the contact can never be allowed as asked (a third
 *       party for collection, a one-person visit), or it waits for a fact to change (an open
 *       complaint, a cease notice, a lawyer), or nothing opens within a year.</li>
 * </ul>
 * Both list the soft rules not met as {@link #advisories()}.
 */
public sealed interface Decision permits Decision.Allowed, Decision.Denied {

    Instant at();

    /** The earliest allowed instant ≥ {@link #at()}; {@code at()} when allowed; null when none is known. */
    Instant nextAllowedAt();

    /** The hard rules that deny, in pack order; empty when allowed. */
    List<RuleHit> hits();

    /** Soft rules not met at {@link #at()} (preferences: they never deny). */
    List<RuleHit> advisories();

    default boolean allowed() {
        return this instanceof Allowed;
    }

    default boolean deniedBy(String ruleId) {
        for (RuleHit hit : hits()) {
            if (hit.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }

    record Allowed(Instant at, List<RuleHit> advisories) implements Decision {

        public Allowed {
            advisories = List.copyOf(advisories);
        }

        @Override
        public Instant nextAllowedAt() {
            return at;
        }

        @Override
        public List<RuleHit> hits() {
            return List.of();
        }
    }

    record Denied(Instant at, List<RuleHit> hits, Instant nextAllowedAt, List<RuleHit> advisories) implements Decision {

        public Denied {
            if (hits.isEmpty()) {
                throw new IllegalArgumentException("a denial names at least one rule");
            }
            hits = List.copyOf(hits);
            advisories = List.copyOf(advisories);
        }
    }
}
