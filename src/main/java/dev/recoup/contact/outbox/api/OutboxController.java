package dev.recoup.contact.outbox.api;

import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.outbox.OutboxReceipts;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The outbox: enqueue a message from a template, follow it, settle an UNCERTAIN one, report bounces and deliveries. */
@RestController
@RequestMapping("/api/v1/outbound-messages")
@Tag(name = "Outbound messages")
class OutboxController {

    private static final List<String> STATUSES = List.of("PENDING", "SENDING", "SENT", "DELIVERED", "FAILED", "BLOCKED", "UNCERTAIN");

    private final Outbox outbox;
    private final OutboxDispatcher dispatcher;
    private final OutboxReceipts receipts;
    private final BusinessClock clock;

    OutboxController(Outbox outbox, OutboxDispatcher dispatcher, OutboxReceipts receipts, BusinessClock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.receipts = receipts;
        this.clock = clock;
    }

    record NewMessage(String idempotencyKey, Long caseId, Set<Long> accountIds, Long contactId, String channel, String templateCode, Long templateId,
                      Integer templateVersion, String language, Map<String, String> variables) {
    }

    record Resolution(String action, String gatewayMessageId) {
    }

    record Report(String result, String at, String detail) {
    }

    @PostMapping
    @Operation(summary = "Enqueue a message rendered from a template", description = "The same idempotencyKey again returns the message already "
            + "enqueued (200); a new one is 201. The endpoint is the contact's phone (SMS), e-mail (EMAIL) or address (LETTER). Sent by the "
            + "dispatcher after the contact gate allows it.")
    ResponseEntity<OutboundMessage> enqueue(@RequestBody NewMessage body, Principal user) {
        NewMessage m = body == null ? new NewMessage(null, null, null, null, null, null, null, null, null, null) : body;
        if (m.contactId() == null) {
            throw new InvalidInputException("contactId", null, "contactId is required");
        }
        OutboundMessages.Enqueued enqueued = outbox.enqueue(new OutboundRequest(m.idempotencyKey(), m.caseId(), m.accountIds(), m.contactId(),
                channel(m.channel()), m.templateCode(), m.templateId(), m.templateVersion(), m.language(), m.variables(), user.getName()));
        OutboundMessage message = outbox.find(enqueued.messageId());
        return enqueued.created() ? ResponseEntity.created(URI.create("/api/v1/outbound-messages/" + message.id())).body(message) : ResponseEntity.ok(message);
    }

    @GetMapping
    @Operation(summary = "Messages, latest first, by status, case and channel")
    List<OutboundMessage> search(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseId,
                                 @RequestParam(required = false) String channel, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        if (status != null && !status.isBlank() && !STATUSES.contains(status.strip())) {
            throw new InvalidInputException("status", status, "status must be one of " + STATUSES);
        }
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException(page < 0 ? "page" : "size", String.valueOf(page < 0 ? page : size), "page ≥ 0, size 1–500");
        }
        return outbox.search(blank(status), caseId, channel == null || channel.isBlank() ? null : channel(channel).name(), page, size);
    }

    @GetMapping("/status")
    @Operation(summary = "Messages by status, and which channels have a gateway")
    Map<String, Object> status() {
        return Map.of("messages", outbox.countsByStatus(), "readyChannels", dispatcher.readyChannels());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One message")
    OutboundMessage find(@PathVariable long id) {
        return outbox.find(id);
    }

    @PostMapping("/dispatch")
    @Operation(summary = "Run the dispatcher now (it also runs by itself every recoup.channels.outbox.interval)")
    OutboxDispatcher.Report dispatch() {
        return dispatcher.runOnce();
    }

    @PostMapping("/{id}/resolve")
    @Operation(summary = "Settle an UNCERTAIN message", description = "action: RESEND (it did not go out — check the gateway's logs first), "
            + "MARK_SENT (it went out; gatewayMessageId optional) or MARK_FAILED (do not send it).")
    OutboundMessage resolve(@PathVariable long id, @RequestBody Resolution body, Principal user) {
        String action = body == null ? null : body.action();
        Outbox.Resolution resolution = Arrays.stream(Outbox.Resolution.values()).filter(r -> r.name().equals(action)).findFirst()
                .orElseThrow(() -> new InvalidInputException("action", action, "action must be one of " + Arrays.toString(Outbox.Resolution.values())));
        return outbox.resolve(id, resolution, body.gatewayMessageId(), user.getName());
    }

    @PostMapping("/{id}/receipts")
    @Operation(summary = "Report what became of a sent message", description = "result: BOUNCED (an e-mail bounce, a letter returned) or DELIVERED "
            + "(a letter signed for); at: ISO-8601 instant, default now. The ledger attempt gets the same outcome. E-mail bounces can also be "
            + "reported by the message's Message-ID: POST /api/v1/outbound-messages/bounces.")
    OutboundMessage report(@PathVariable long id, @RequestBody Report body) {
        Report r = body == null ? new Report(null, null, null) : body;
        OutboxReceipts.Result result = switch (r.result() == null ? "" : r.result().strip()) {
            case "BOUNCED", "FAILED" -> OutboxReceipts.Result.FAILED;
            case "DELIVERED" -> OutboxReceipts.Result.DELIVERED;
            default -> throw new InvalidInputException("result", r.result(), "result must be BOUNCED or DELIVERED");
        };
        receipts.report(id, result, instant(r.at()), r.detail());
        return outbox.find(id);
    }

    record Bounce(String messageId, String detail, String at) {
    }

    @PostMapping("/bounces")
    @Operation(summary = "Report an e-mail bounce by the Message-ID of the bounced e-mail", description = "For a mailbox reader of the bounce "
            + "address (recoup.channels.smtp.bounce-address): the DSN's Original-Message-ID or the returned message's Message-ID, e.g. "
            + "<recoup.outbound.42@example.com>. 202: stored and applied to the message when it is known.")
    ResponseEntity<Map<String, Object>> bounce(@RequestBody Bounce body) {
        if (body == null || body.messageId() == null || body.messageId().isBlank()) {
            throw new InvalidInputException("messageId", null, "messageId is required");
        }
        boolean applied = receipts.receipt(Channel.EMAIL, body.messageId().strip(), OutboxReceipts.Result.FAILED, instant(body.at()),
                body.detail() == null ? "bounced" : body.detail());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", body.messageId().strip(), "applied", applied));
    }

    private Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return clock.now();
        }
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("at", text, "at must be an ISO-8601 time with offset, e.g. 2026-11-22T10:15:00+08:00");
        }
    }

    static Channel channel(String text) {
        String t = text == null ? "" : text.strip();
        return switch (t) {
            case "SMS" -> Channel.SMS;
            case "EMAIL" -> Channel.EMAIL;
            case "LETTER" -> Channel.LETTER;
            default -> throw new InvalidInputException("channel", text, "channel must be SMS, EMAIL or LETTER");
        };
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
