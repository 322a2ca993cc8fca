package dev.recoup.contact.outbox;

import java.util.List;

/**
 * A gateway's acceptance: the id it gave the message (SMPP message_id, e-mail Message-ID) and, for
 * an SMS sent in several segments, every segment's id (receipts come per segment).
 */
public record Accepted(String messageId, List<String> segmentIds) {

    public Accepted {
        segmentIds = segmentIds == null || segmentIds.isEmpty() ? List.of(messageId) : List.copyOf(segmentIds);
    }

    public static Accepted of(String messageId) {
        return new Accepted(messageId, List.of(messageId));
    }
}
