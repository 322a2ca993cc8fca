package dev.recoup.contact.outbox;

import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.TemplateSummary;
import dev.recoup.contact.templates.TemplateVersion;
import dev.recoup.contact.templates.domain.Audience;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.RenderedMessage;
import dev.recoup.contact.templates.domain.TemplateVariable;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Enqueues messages (in the caller's transaction), reads the outbox and lets a person settle an
 * UNCERTAIN message. Sending is {@link OutboxDispatcher}'s.
 */
@Service
public class Outbox implements OutboundMessages {

    public enum Resolution {
        /** It did not go out (e.g. the gateway's logs show nothing): send it again, with the same ledger attempt. */
        RESEND,
        /** It went out (e.g. the gateway's logs show it): SENT, optionally with the gateway's id. */
        MARK_SENT,
        /** Do not send it: FAILED, the ledger attempt BOUNCED. */
        MARK_FAILED
    }

    private static final int MAX_KEY = 200;

    private final JdbcClient jdbc;
    private final MessageTemplates templates;
    private final OutboxStore store;
    private final OutboxReceipts receipts;
    private final BusinessClock clock;

    Outbox(JdbcClient jdbc, MessageTemplates templates, OutboxStore store, OutboxReceipts receipts, BusinessClock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.store = store;
        this.receipts = receipts;
        this.clock = clock;
    }

    private record Recipient(long contactId, long customerId, String role, String contactName, String customerName, String phone, String email,
                             String address) {
    }

    @Override
    @Transactional
    public Enqueued enqueue(OutboundRequest request) {
        String key = request.idempotencyKey() == null ? null : request.idempotencyKey().strip();
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new InvalidInputException("idempotencyKey", key, "an idempotency key of 1–" + MAX_KEY + " characters is required, e.g. task/123/sms.reminder");
        }
        Channel channel = request.channel();
        if (channel != Channel.SMS && channel != Channel.EMAIL && channel != Channel.LETTER) {
            throw new InvalidInputException("channel", String.valueOf(channel), "channel must be SMS, EMAIL or LETTER");
        }
        TemplateVersion version = templateVersion(request);
        if (version.channel() != channel) {
            throw new InvalidInputException("channel", channel.name(), "template " + version.code() + " is for " + version.channel() + ", not " + channel);
        }
        Language language = request.language() == null || request.language().isBlank() ? Language.ZH_CN : Language.of("language", request.language());
        Recipient recipient = recipient(request.contactId());
        if (request.caseId() != null) {
            Long caseCustomer = jdbc.sql("select customer_id from collection_case where id = ?").param(request.caseId()).query(Long.class).optional()
                    .orElseThrow(() -> new NotFoundException("case", request.caseId()));
            if (caseCustomer != recipient.customerId()) {
                throw new InvalidInputException("contactId", String.valueOf(request.contactId()), "the contact belongs to another customer than case " + request.caseId());
            }
        }
        String endpoint = switch (channel) {
            case SMS -> recipient.phone();
            case EMAIL -> recipient.email();
            default -> recipient.address();
        };
        if (endpoint == null || endpoint.isBlank()) {
            throw new InvalidInputException("contactId", String.valueOf(request.contactId()), "the contact has no "
                    + (channel == Channel.SMS ? "phone number" : channel == Channel.EMAIL ? "e-mail address" : "postal address"));
        }
        List<Long> accounts = request.accountIds() != null && !request.accountIds().isEmpty() ? request.accountIds().stream().sorted().toList()
                : jdbc.sql("select id from account where customer_id = ? order by id").param(recipient.customerId()).query(Long.class).list();
        Map<String, String> values = new HashMap<>();
        values.put(TemplateVariable.CUSTOMER_NAME.variableName(), recipient.customerName());
        if (recipient.contactName() != null) {
            values.put(TemplateVariable.RECIPIENT_NAME.variableName(), recipient.contactName());
        }
        if (request.variables() != null) {
            request.variables().forEach((name, value) -> {
                if (value != null) {
                    values.put(name, value);
                }
            });
        }
        RenderedMessage rendered = templates.render(version, language, values, null);
        boolean debtDetails = version.usesDebtVariables() || version.kind().audience() == Audience.DEBTOR;
        String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? "system" : request.requestedBy();
        Long id = jdbc.sql("""
                        insert into outbound_message (idempotency_key, case_id, account_ids, contact_id, channel, purpose, carries_debt_details, endpoint,
                          recipient_name, template_version_id, language, subject, body, status, next_attempt_at, requested_by)
                        values (?, ?, ?::bigint[], ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                        on conflict (idempotency_key) do nothing returning id""")
                .params(key, request.caseId(), accounts.toArray(Long[]::new), request.contactId(), channel.name(), version.kind().purpose().name(),
                        debtDetails, endpoint.strip(), recipient.contactName() == null ? recipient.customerName() : recipient.contactName(), version.id(),
                        language.tag(), rendered.subject(), rendered.body(), OutboxStore.at(clock.now()), requestedBy)
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            return new Enqueued(id, true, "PENDING");
        }
        record Existing(long id, long contactId, String channel, long versionId, String status) {
        }
        Existing existing = jdbc.sql("select id, contact_id, channel, template_version_id, status from outbound_message where idempotency_key = ?")
                .param(key).query((rs, n) -> new Existing(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4), rs.getString(5))).single();
        if (existing.contactId() != request.contactId() || !existing.channel().equals(channel.name()) || existing.versionId() != version.id()) {
            throw new ConflictException("Idempotency key '" + key + "' was used for message " + existing.id() + " to another contact, channel or template");
        }
        return new Enqueued(existing.id(), false, existing.status());
    }

    private TemplateVersion templateVersion(OutboundRequest request) {
        TemplateSummary template;
        if (request.templateId() != null) {
            template = templates.summary(request.templateId());
        } else if (request.templateCode() != null && !request.templateCode().isBlank()) {
            template = templates.byCode(request.templateCode().strip())
                    .orElseThrow(() -> new InvalidInputException("templateCode", request.templateCode(), "no template with this code"));
        } else {
            throw new InvalidInputException("templateCode", null, "a template is required: templateCode or templateId");
        }
        return templates.version(template.id(), request.templateVersion() == null ? template.currentVersion() : request.templateVersion());
    }

    private Recipient recipient(long contactId) {
        return jdbc.sql("""
                        select c.id, c.customer_id, c.role, c.name, cu.name, c.phone, c.email,
                               coalesce(c.address, case when c.role = 'self' then cu.address end)
                        from contact c join customer cu on cu.id = c.customer_id where c.id = ?""")
                .param(contactId)
                .query((rs, n) -> new Recipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getString(7), rs.getString(8)))
                .optional().orElseThrow(() -> new NotFoundException("contact", contactId));
    }

    public OutboundMessage find(long id) {
        return store.find(id);
    }

    public List<OutboundMessage> search(String status, Long caseId, String channel, int page, int size) {
        return store.search(status, caseId, channel, size, page * size);
    }

    public Map<String, Long> countsByStatus() {
        return store.countsByStatus();
    }

    /** A person settles an UNCERTAIN message (the dispatcher stopped while handing it to the gateway). */
    @Transactional
    public OutboundMessage resolve(long id, Resolution resolution, String gatewayMessageId, String user) {
        OutboundMessage message = store.find(id);
        if (!"UNCERTAIN".equals(message.status())) {
            throw new ConflictException("Message " + id + " is " + message.status() + "; only an UNCERTAIN message is resolved");
        }
        Objects.requireNonNull(resolution, "resolution");
        String note = resolution + " by " + user;
        switch (resolution) {
            case RESEND -> jdbc.sql("""
                            update outbound_message set status = 'PENDING', next_attempt_at = ?, send_started_at = null, claim_token = null,
                              lease_until = null, last_error = ?, updated_at = now() where id = ? and status = 'UNCERTAIN'""")
                    .params(OutboxStore.at(clock.now()), note, id).update();
            case MARK_SENT -> {
                String gatewayId = gatewayMessageId == null || gatewayMessageId.isBlank() ? null : gatewayMessageId.strip();
                jdbc.sql("""
                                update outbound_message set status = 'SENT', sent_at = coalesce(send_started_at, now()), gateway_message_id = ?,
                                  gateway_segment_ids = case when ?::text is null then null else array[?::text] end,
                                  claim_token = null, lease_until = null, last_error = ?, updated_at = now() where id = ? and status = 'UNCERTAIN'""")
                        .params(gatewayId, gatewayId, gatewayId, note, id).update();
                if (gatewayId != null) {
                    receipts.apply(id);
                }
            }
            case MARK_FAILED -> {
                jdbc.sql("""
                                update outbound_message set status = 'FAILED', claim_token = null, lease_until = null, last_error = ?, updated_at = now()
                                where id = ? and status = 'UNCERTAIN'""")
                        .params(note, id).update();
                receipts.markNotSent(message.ledgerAttemptId(), clock.now());
            }
        }
        return store.find(id);
    }
}
