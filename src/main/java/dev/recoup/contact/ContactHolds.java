package dev.recoup.contact;

import dev.recoup.contact.domain.HoldKind;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * Holds that stop all contact with a case (a complaint or dispute open, the debtor deceased or
 * bankrupt, a lawyer representing them, a cease-communication notice…), asked for many cases at once:
 * task creation skips or marks the cases it returns instead of creating contact tasks the gate would
 * refuse anyway. Set-based: one query for any number of case ids.
 */
public interface ContactHolds {

    /**
     * Of {@code caseIds}, the ones under a hold at {@code at} that stops contact under the configured
     * rule packs — on the case, the customer or the debtor's own contact — each with the kinds of hold. Holds that only narrow contact (one medium opted out, no
     * calls at work, an inconvenient place) do not count: the gate decides those per contact.
     */
    Map<Long, Set<HoldKind>> stoppingContact(long[] caseIds, Instant at);

    /** The case ids of {@link #stoppingContact}. */
    default Set<Long> casesUnderContactHold(long[] caseIds, Instant at) {
        return stoppingContact(caseIds, at).keySet();
    }
}
