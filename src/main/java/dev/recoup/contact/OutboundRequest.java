package dev.recoup.contact;

import dev.recoup.contact.domain.Channel;

import java.util.Map;
import java.util.Set;

/**
 * A message someone (a task, a person, the strategy) wants sent.
 *
 * @param idempotencyKey    unique per intended message, e.g. {@code task/123/sms.reminder/v2}; a repeat enqueues nothing
 * @param caseId            the case it is about, or null
 * @param accountIds        the debts it concerns; empty: every account of the contact's customer
 * @param contactId         the contact (portfolio {@code contact.id}); the endpoint is that contact's phone, e-mail or address
 * @param channel           SMS, EMAIL or LETTER; must be the template's channel
 * @param templateCode      the template by code (e.g. {@code sms.reminder}), or null when {@code templateId} is given
 * @param templateId        the template by id, or null
 * @param templateVersion   a version of it, or null for its current version
 * @param language          {@code zh-CN} (default) or {@code en}
 * @param variables         display values by variable name; {@code customerName} and {@code recipientName} default to the portfolio's names
 * @param requestedBy       user name, or "strategy", "system"
 */
public record OutboundRequest(String idempotencyKey, Long caseId, Set<Long> accountIds, long contactId, Channel channel, String templateCode,
                              Long templateId, Integer templateVersion, String language, Map<String, String> variables, String requestedBy) {
}
