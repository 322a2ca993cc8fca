package dev.recoup.contact;

import dev.recoup.contact.domain.Decision;

import java.util.Map;

/**
 * The agent's call and SMS buttons on the case page: both ask the gate now. A call the gate allows
 * is recorded at once as a pending attempt (dial it, then report its outcome through
 * {@link ContactLedger#outcome}); a refusal comes back as the gate's decision (every rule with its
 * reason and the next allowed time), never as an error.
 */
public interface AgentContacts {

    /** Calls a contact of the case now, if the gate allows. */
    Started call(long caseId, long contactId, String agent);

    /**
     * Sends an SMS from a message template (e.g. {@code sms.reminder}) to a contact of the case, if the
     * gate allows now; the outbox asks the gate again right before sending.
     */
    Started sms(long caseId, long contactId, String templateCode, String language, String agent, Map<String, String> variables);

    /**
     * @param id       the pending ledger attempt of a call, or the outbox message of an SMS; null when refused
     * @param decision the gate's decision (allowed, or denied with its rules and next allowed time)
     */
    record Started(Long id, Decision decision) {

        public boolean allowed() {
            return id != null;
        }
    }
}
