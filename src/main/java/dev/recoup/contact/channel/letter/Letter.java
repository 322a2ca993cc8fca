package dev.recoup.contact.channel.letter;

import java.time.OffsetDateTime;

/**
 * One letter of a batch, as printed and tracked.
 *
 * @param messageId      the outbox id (printed on the letter as its reference)
 * @param trackingNumber the post's tracking number once recorded, else null
 */
public record Letter(long messageId, Long caseId, long contactId, String recipientName, String address, String language, String subject, String body,
                     String status, String trackingNumber, Long ledgerAttemptId, OffsetDateTime postedAt) {
}
