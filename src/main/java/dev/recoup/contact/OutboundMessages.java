package dev.recoup.contact;

import java.util.List;

/**
 * The outbox every SMS, e-mail and letter goes through (R13, issue 4): a message is rendered from a
 * template version and written in the caller's transaction; the dispatcher asks the gate right
 * before sending, records the attempt in the ledger and hands it to the gateway — never twice, and
 * never lost when a gateway or Recoup restarts (docs/adr/0011-outbox-and-channels.md).
 */
public interface OutboundMessages {

    /**
     * Renders and enqueues a message, joining the caller's transaction. Enqueuing the same
     * idempotency key again returns the message already there ({@code created = false}); the same
     * key for a different contact, channel or template version is a conflict (409).
     */
    Enqueued enqueue(OutboundRequest request);

    /**
     * Many messages at once, joining the caller's transaction: the same rules as {@link #enqueue},
     * but a request it refuses (no such contact, no endpoint, a value the template cannot take, a
     * key used for another message…) is reported in its result instead of failing the others.
     * Looks up contacts, cases, accounts and templates once for all and inserts in one statement:
     * for callers with thousands of messages (the strategy's message tasks).
     *
     * @return one result per request, in the requests' order
     */
    List<EnqueueResult> enqueueAll(List<OutboundRequest> requests);

    /** @param status the message's status now: PENDING for a new one */
    record Enqueued(long messageId, boolean created, String status) {
    }

    /**
     * What became of one request of {@link #enqueueAll}: enqueued (or found enqueued before), or
     * refused with the reason ("contactId: the contact has no e-mail address").
     */
    record EnqueueResult(Enqueued enqueued, String refusal) {

        public boolean refused() {
            return enqueued == null;
        }
    }
}
