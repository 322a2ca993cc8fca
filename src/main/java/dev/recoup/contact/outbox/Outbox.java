package dev.recoup.contact.outbox;

import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.RulePacks;
import dev.recoup.contact.persistence.PackSettings;
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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
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
    private final PackSettings packs;

    Outbox(JdbcClient jdbc, MessageTemplates templates, OutboxStore store, OutboxReceipts receipts, BusinessClock clock, PackSettings packs) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.store = store;
        this.receipts = receipts;
        this.clock = clock;
        this.packs = packs;
    }

    /**
     * The pack whose opt-out line the message gets: {@code recoup.channels.opt-out-pack} when set,
     * else the pack in force for the account's product (contact settings), else the system-wide one.
     */
    private String packForProduct(String product) {
        if (templates.optOutPack() != null) {
            return templates.optOutPack();
        }
        List<PackSettings.Setting> settings = packs.settings();
        return settings.stream().filter(s -> s.scope().equals(product)).findFirst()
                .or(() -> settings.stream().filter(s -> s.scope().equals(PackSettings.SYSTEM_WIDE)).findFirst())
                .map(PackSettings.Setting::pack).orElse(RulePacks.DEFAULT);
    }

    private record Recipient(long contactId, long customerId, String role, String contactName, String customerName, String phone, String email,
                             String address) {
    }

    /** A request checked and rendered, ready to insert. */
    private record Prepared(String key, Long caseId, List<Long> accounts, long contactId, Channel channel, TemplateVersion version,
                            Language language, boolean debtDetails, String endpoint, String recipientName, RenderedMessage rendered,
                            String requestedBy) {
    }

    @Override
    @Transactional
    public Enqueued enqueue(OutboundRequest request) {
        Object result = enqueueEach(List.of(request)).getFirst();
        if (result instanceof RuntimeException refused) {
            throw refused;
        }
        return (Enqueued) result;
    }

    @Override
    @Transactional
    public List<EnqueueResult> enqueueAll(List<OutboundRequest> requests) {
        return enqueueEach(requests).stream()
                .map(r -> r instanceof Enqueued e ? new EnqueueResult(e, null) : new EnqueueResult(null, refusal((RuntimeException) r)))
                .toList();
    }

    private static String refusal(RuntimeException e) {
        return e instanceof InvalidInputException invalid && invalid.field() != null ? invalid.field() + ": " + e.getMessage() : e.getMessage();
    }

    /**
     * Enqueues the requests; each result is the {@link Enqueued} or the exception that refuses that
     * request (thrown as it is by {@link #enqueue}). Contacts, cases, accounts, products and template
     * versions are looked up once for all; the messages go in with one INSERT.
     */
    private List<Object> enqueueEach(List<OutboundRequest> requests) {
        int n = requests.size();
        Object[] results = new Object[n];
        Map<String, TemplateVersion> versions = new HashMap<>();
        TemplateVersion[] version = new TemplateVersion[n];
        Language[] language = new Language[n];
        String[] key = new String[n];
        for (int i = 0; i < n; i++) {
            OutboundRequest request = requests.get(i);
            try {
                key[i] = checkedKey(request);
                Channel channel = request.channel();
                if (channel != Channel.SMS && channel != Channel.EMAIL && channel != Channel.LETTER) {
                    throw new InvalidInputException("channel", String.valueOf(channel), "channel must be SMS, EMAIL or LETTER");
                }
                version[i] = templateVersion(request, versions);
                if (version[i].channel() != channel) {
                    throw new InvalidInputException("channel", channel.name(), "template " + version[i].code() + " is for " + version[i].channel() + ", not " + channel);
                }
                language[i] = request.language() == null || request.language().isBlank() ? Language.ZH_CN : Language.of("language", request.language());
            } catch (RuntimeException e) {
                results[i] = e;
            }
        }
        Map<Long, Recipient> recipients = recipients(ids(requests, results, OutboundRequest::contactId));
        Map<Long, Long> caseCustomers = caseCustomers(ids(requests, results, OutboundRequest::caseId));
        Set<Long> customersWithoutAccounts = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                continue;
            }
            OutboundRequest request = requests.get(i);
            Recipient recipient = recipients.get(request.contactId());
            try {
                if (recipient == null) {
                    throw new NotFoundException("contact", request.contactId());
                }
                if (request.caseId() != null) {
                    Long caseCustomer = caseCustomers.get(request.caseId());
                    if (caseCustomer == null) {
                        throw new NotFoundException("case", request.caseId());
                    }
                    if (caseCustomer != recipient.customerId()) {
                        throw new InvalidInputException("contactId", String.valueOf(request.contactId()), "the contact belongs to another customer than case " + request.caseId());
                    }
                }
                String endpoint = endpoint(request.channel(), recipient);
                if (endpoint == null || endpoint.isBlank()) {
                    throw new InvalidInputException("contactId", String.valueOf(request.contactId()), "the contact has no "
                            + (request.channel() == Channel.SMS ? "phone number" : request.channel() == Channel.EMAIL ? "e-mail address" : "postal address"));
                }
                if (request.accountIds() == null || request.accountIds().isEmpty()) {
                    customersWithoutAccounts.add(recipient.customerId());
                }
            } catch (RuntimeException e) {
                results[i] = e;
            }
        }
        Map<Long, List<Long>> accountsOfCustomer = accountsOf(customersWithoutAccounts);
        List<Prepared> prepared = new ArrayList<>();
        List<Integer> preparedIndex = new ArrayList<>();
        List<List<Long>> accountsOfRequest = new ArrayList<>(Collections.nCopies(n, null));
        Set<Long> firstAccounts = new HashSet<>();
        for (int i = 0; i < n; i++) {
            if (results[i] == null) {
                OutboundRequest request = requests.get(i);
                List<Long> accounts = request.accountIds() != null && !request.accountIds().isEmpty() ? request.accountIds().stream().sorted().toList()
                        : accountsOfCustomer.getOrDefault(recipients.get(request.contactId()).customerId(), List.of());
                accountsOfRequest.set(i, accounts);
                if (!accounts.isEmpty()) {
                    firstAccounts.add(accounts.getFirst());
                }
            }
        }
        Map<Long, String> products = products(firstAccounts);
        Map<String, String> packs = new HashMap<>();
        for (int i = 0; i < n; i++) {
            if (results[i] != null) {
                continue;
            }
            OutboundRequest request = requests.get(i);
            Recipient recipient = recipients.get(request.contactId());
            List<Long> accounts = accountsOfRequest.get(i);
            try {
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
                String product = accounts.isEmpty() ? null : products.get(accounts.getFirst());
                String pack = packs.computeIfAbsent(String.valueOf(product), p -> packForProduct(product));
                RenderedMessage rendered = templates.render(version[i], language[i], values, pack);
                boolean debtDetails = version[i].usesDebtVariables() || version[i].kind().audience() == Audience.DEBTOR;
                String requestedBy = request.requestedBy() == null || request.requestedBy().isBlank() ? "system" : request.requestedBy();
                prepared.add(new Prepared(key[i], request.caseId(), accounts, request.contactId(), request.channel(), version[i], language[i], debtDetails,
                        endpoint(request.channel(), recipient).strip(), recipient.contactName() == null ? recipient.customerName() : recipient.contactName(),
                        rendered, requestedBy));
                preparedIndex.add(i);
            } catch (RuntimeException e) {
                results[i] = e;
            }
        }
        Map<String, Long> inserted = insert(prepared);
        Map<String, Existing> existing = existing(prepared.stream().map(Prepared::key).filter(k -> !inserted.containsKey(k)).distinct().toList());
        // A key given twice in one call: the first request made the message, the later ones meet it as existing.
        Map<String, Prepared> createdNow = new HashMap<>();
        for (int p = 0; p < prepared.size(); p++) {
            Prepared message = prepared.get(p);
            int i = preparedIndex.get(p);
            Long id = inserted.get(message.key());
            if (id != null && createdNow.putIfAbsent(message.key(), message) == null) {
                results[i] = new Enqueued(id, true, "PENDING");
                continue;
            }
            Prepared first = createdNow.get(message.key());
            Existing found = id != null ? new Existing(id, first.contactId(), first.channel().name(), first.version().id(), "PENDING")
                    : existing.get(message.key());
            if (found.contactId() != message.contactId() || !found.channel().equals(message.channel().name()) || found.versionId() != message.version().id()) {
                results[i] = new ConflictException("Idempotency key '" + message.key() + "' was used for message " + found.id()
                        + " to another contact, channel or template");
            } else {
                results[i] = new Enqueued(found.id(), false, found.status());
            }
        }
        return Arrays.asList(results);
    }

    private static String checkedKey(OutboundRequest request) {
        String key = request.idempotencyKey() == null ? null : request.idempotencyKey().strip();
        if (key == null || key.isEmpty() || key.length() > MAX_KEY) {
            throw new InvalidInputException("idempotencyKey", key, "an idempotency key of 1–" + MAX_KEY + " characters is required, e.g. task/123/sms.reminder");
        }
        return key;
    }

    private static String endpoint(Channel channel, Recipient recipient) {
        return switch (channel) {
            case SMS -> recipient.phone();
            case EMAIL -> recipient.email();
            default -> recipient.address();
        };
    }

    private static Long[] ids(List<OutboundRequest> requests, Object[] results, java.util.function.Function<OutboundRequest, Long> id) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            Long value = results[i] == null ? id.apply(requests.get(i)) : null;
            if (value != null) {
                ids.add(value);
            }
        }
        return ids.toArray(Long[]::new);
    }

    /** Inserts the messages whose key is new, in the requests' order; returns their ids by key. */
    private Map<String, Long> insert(List<Prepared> messages) {
        Map<String, Long> ids = new HashMap<>();
        if (messages.isEmpty()) {
            return ids;
        }
        int n = messages.size();
        String[] keys = new String[n], accounts = new String[n], channels = new String[n], purposes = new String[n], endpoints = new String[n],
                names = new String[n], languages = new String[n], subjects = new String[n], bodies = new String[n], requestedBy = new String[n];
        Long[] cases = new Long[n], contacts = new Long[n], versionIds = new Long[n];
        Boolean[] debt = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Prepared m = messages.get(i);
            keys[i] = m.key();
            cases[i] = m.caseId();
            accounts[i] = m.accounts().stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "{", "}"));
            contacts[i] = m.contactId();
            channels[i] = m.channel().name();
            purposes[i] = m.version().kind().purpose().name();
            debt[i] = m.debtDetails();
            endpoints[i] = m.endpoint();
            names[i] = m.recipientName();
            versionIds[i] = m.version().id();
            languages[i] = m.language().tag();
            subjects[i] = m.rendered().subject();
            bodies[i] = m.rendered().body();
            requestedBy[i] = m.requestedBy();
        }
        jdbc.sql("""
                        insert into outbound_message (idempotency_key, case_id, account_ids, contact_id, channel, purpose, carries_debt_details, endpoint,
                          recipient_name, template_version_id, language, subject, body, status, next_attempt_at, requested_by)
                        select k, c, a::bigint[], ct, ch, p, d, e, r, v, l, s, b, 'PENDING', ?, q
                        from unnest(?::text[], ?::bigint[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::text[], ?::bigint[],
                                    ?::text[], ?::text[], ?::text[], ?::text[]) with ordinality as u(k, c, a, ct, ch, p, d, e, r, v, l, s, b, q, n)
                        order by n
                        on conflict (idempotency_key) do nothing returning id, idempotency_key""")
                .params(OutboxStore.at(clock.now()), keys, cases, accounts, contacts, channels, purposes, debt, endpoints, names, versionIds, languages,
                        subjects, bodies, requestedBy)
                .query((rs, row) -> ids.put(rs.getString(2), rs.getLong(1))).list();
        return ids;
    }

    private record Existing(long id, long contactId, String channel, long versionId, String status) {
    }

    private Map<String, Existing> existing(List<String> keys) {
        Map<String, Existing> found = new HashMap<>();
        if (!keys.isEmpty()) {
            jdbc.sql("select idempotency_key, id, contact_id, channel, template_version_id, status from outbound_message where idempotency_key = any(?)")
                    .param(keys.toArray(String[]::new))
                    .query((rs, n) -> found.put(rs.getString(1), new Existing(rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getLong(5), rs.getString(6))))
                    .list();
        }
        return found;
    }

    private TemplateVersion templateVersion(OutboundRequest request, Map<String, TemplateVersion> cache) {
        String cacheKey = request.templateId() != null ? "id:" + request.templateId() + "@" + request.templateVersion()
                : "code:" + (request.templateCode() == null ? "" : request.templateCode().strip()) + "@" + request.templateVersion();
        TemplateVersion cached = cache.get(cacheKey);
        if (cached == null) {
            cached = templateVersion(request);
            cache.put(cacheKey, cached);
        }
        return cached;
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

    private Map<Long, Recipient> recipients(Long[] contactIds) {
        Map<Long, Recipient> recipients = new HashMap<>();
        if (contactIds.length > 0) {
            jdbc.sql("""
                            select c.id, c.customer_id, c.role, c.name, cu.name, c.phone, c.email,
                                   coalesce(c.address, case when c.role = 'self' then cu.address end)
                            from contact c join customer cu on cu.id = c.customer_id where c.id = any(?)""")
                    .param(contactIds)
                    .query((rs, n) -> recipients.put(rs.getLong(1), new Recipient(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))))
                    .list();
        }
        return recipients;
    }

    private Map<Long, Long> caseCustomers(Long[] caseIds) {
        Map<Long, Long> customers = new HashMap<>();
        if (caseIds.length > 0) {
            jdbc.sql("select id, customer_id from collection_case where id = any(?)").param(caseIds)
                    .query((rs, n) -> customers.put(rs.getLong(1), rs.getLong(2))).list();
        }
        return customers;
    }

    private Map<Long, List<Long>> accountsOf(Set<Long> customerIds) {
        Map<Long, List<Long>> accounts = new HashMap<>();
        if (!customerIds.isEmpty()) {
            jdbc.sql("select customer_id, id from account where customer_id = any(?) order by customer_id, id").param(customerIds.toArray(Long[]::new))
                    .query((rs, n) -> accounts.computeIfAbsent(rs.getLong(1), c -> new ArrayList<>()).add(rs.getLong(2))).list();
        }
        return accounts;
    }

    private Map<Long, String> products(Set<Long> accountIds) {
        Map<Long, String> products = new HashMap<>();
        if (!accountIds.isEmpty()) {
            jdbc.sql("select id, product from account where id = any(?)").param(accountIds.toArray(Long[]::new))
                    .query((rs, n) -> products.put(rs.getLong(1), rs.getString(2))).list();
        }
        return products;
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
                receipts.markedFailed(id);
            }
        }
        return store.find(id);
    }
}
