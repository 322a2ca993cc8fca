package dev.recoup.contact.outbox;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A message in the outbox as the API and pages show it.
 *
 * @param status       PENDING, SENDING, SENT, DELIVERED, FAILED, BLOCKED or UNCERTAIN
 * @param blockReasons the gate's reasons when it denied (rule id, zh, en), or empty
 */
public record OutboundMessage(long id, String idempotencyKey, Long caseId, List<Long> accountIds, long contactId, String channel, String purpose,
                              String endpoint, String recipientName, long templateVersionId, String language, String subject, String body,
                              String status, int attempts, OffsetDateTime nextAttemptAt, String lastError, List<Map<String, String>> blockReasons,
                              String gatewayMessageId, Long ledgerAttemptId, Long letterBatchId, String requestedBy, OffsetDateTime createdAt,
                              OffsetDateTime sendStartedAt, OffsetDateTime sentAt, OffsetDateTime deliveredAt) {
}
