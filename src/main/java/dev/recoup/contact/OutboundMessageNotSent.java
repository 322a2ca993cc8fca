package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;

import java.util.List;

/**
 * A message of the outbox ended without reaching its person: the contact gate refused it for good
 * (BLOCKED: no allowed time within {@code recoup.channels.outbox.max-defer}), or it FAILED (the
 * gateway rejected it or gave up, a delivery receipt said undelivered, a person marked it failed).
 * Published synchronously in the transaction that changed the message's status, so whoever asked
 * for the message (e.g. a task) can say what happened to it. A message the gate only deferred
 * (quiet hours, a daily cap) is not ended: it stays PENDING until its next allowed time.
 *
 * @param idempotencyKey the key it was enqueued with ({@code task/123} for a strategy task)
 * @param status         BLOCKED or FAILED
 * @param reason         why, in English: the gate's rule ids, or the gateway's error
 * @param ruleIds        the gate rules that refused it (empty when it failed)
 */
public record OutboundMessageNotSent(long messageId, String idempotencyKey, Long caseId, Channel channel, String status, String reason,
                                     List<String> ruleIds) {
}
