package dev.recoup.contact.domain;

import java.time.Duration;

/**
 * One rule of a pack: a small immutable value with an id and its parameters. A rule answers two
 * questions about a {@link Situation}:
 * <ul>
 *   <li>{@link #check}: does it object to the contact at second {@code t}? (a {@link RuleHit} with
 *       the reason, or null);</li>
 *   <li>{@link #nextChange}: when it objects, the next second after {@code t} at which it might stop
 *       objecting — the end of a quiet window, the next local midnight for a daily cap, the end of a
 *       hold — or {@link #NEVER}. The gate steps through these to find the next allowed time, so a
 *       rule must never skip past an instant at which it would allow; returning an earlier instant is
 *       always safe.</li>
 * </ul>
 * Rules see the same ledger at every {@code t}: the search asks "if nothing else happens, when
 * could this contact be made?".
 */
public sealed interface ContactRule permits TimeWindowRule, InconvenientTimeRule, HoldRule, ThirdPartyPurposeRule,
        NoDebtDetailsRule, LocationOnceRule, MinimumStaffRule, CallCapRule, RegFCallFrequencyRule, RegFConversationRule {

    long NEVER = Situation.NEVER;

    RuleText text();

    default String id() {
        return text().id();
    }

    default Strength strength() {
        return Strength.HARD;
    }

    /** How much ledger history before the proposed time the rule reads. */
    default Duration lookback() {
        return Duration.ZERO;
    }

    /**
     * The rule's objection to the contact at epoch second {@code t}, or null. With {@code explain}
     * false the rule may return any non-null hit (the search only needs yes or no).
     */
    RuleHit check(Situation s, long t, boolean explain);

    /** When {@link #check} objects at {@code t}: the next second after {@code t} at which it might not, or {@link #NEVER}. */
    long nextChange(Situation s, long t);

    /** Marker returned by {@link #check} when no explanation was asked for. */
    RuleHit OBJECTS = new RuleHit("-", "-", "-", new String[0]);
}
