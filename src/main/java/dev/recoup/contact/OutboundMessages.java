package dev.recoup.contact;

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

    /** @param status the message's status now: PENDING for a new one */
    record Enqueued(long messageId, boolean created, String status) {
    }
}
