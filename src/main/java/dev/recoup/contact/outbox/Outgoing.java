package dev.recoup.contact.outbox;

import dev.recoup.contact.templates.domain.Language;

/**
 * A message as handed to a gateway.
 *
 * @param id the outbox id: stable across retries, used where the protocol has a reference of the sender's own (e-mail's Message-ID)
 */
public record Outgoing(long id, String endpoint, String recipientName, String subject, String body, Language language) {
}
