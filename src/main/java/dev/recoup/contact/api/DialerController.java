package dev.recoup.contact.api;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.persistence.DialerService;
import dev.recoup.contact.persistence.WebhookSignature;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/** The dialer / robot-call contract (docs/dialer-contract.md): the call list of permitted numbers, entry status, signed results. */
@RestController
@RequestMapping("/api/v1/dialer")
@Tag(name = "Dialer")
class DialerController {

    private final DialerService dialer;
    private final WebhookSignature signature;
    private final ObjectMapper json;
    private final BusinessClock clock;

    DialerController(DialerService dialer, WebhookSignature signature, ObjectMapper json, BusinessClock clock) {
        this.dialer = dialer;
        this.signature = signature;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/call-list")
    @Operation(summary = "The numbers the gate allows, each reserved for its best allowed slot", description = """
            For open tasks of the channel's type (ROBOT_CALL default, or AGENT_CALL) in the queue (all queues when absent), due by `until`: the \
            debtor's own number, least recently contacted first, each with [callFrom, callUntil) — a slot the gate allows throughout, the one with \
            the best learned right-party-contact rate in [at, until) — ordered by slot then score. Each entry is reserved in the ledger as a \
            pending call: dial it only within its slot, check GET /entries/{id} right before dialling (a hold may cancel it), report the result \
            to POST /results. at defaults to now, until to at + 2 hours (at most a day), limit to 500.""")
    DialerService.CallList callList(@RequestParam(required = false) String queue, @RequestParam(required = false) String channel,
                                    @RequestParam(required = false) String at, @RequestParam(required = false) String until,
                                    @RequestParam(defaultValue = "500") int limit) {
        Instant from = Inputs.instant("at", at, clock.zone(), clock.now());
        Instant to = Inputs.instant("until", until, clock.zone(), from.plus(Duration.ofHours(2)));
        return dialer.callList(queue == null || queue.isBlank() ? null : queue.strip(),
                Inputs.enumValue("channel", channel, Channel.class, Channel.ROBOT_CALL), from, to, limit);
    }

    @GetMapping("/entries/{id}")
    @Operation(summary = "An entry's status right before dialling: RESERVED (dial within its slot), CANCELLED (do not dial), REPORTED")
    DialerService.EntryStatus entry(@PathVariable long id) {
        return dialer.status(id);
    }

    @PostMapping("/results")
    @Operation(summary = "A call result, signed (HMAC-SHA256) — recorded once per callId", description = """
            Headers X-Recoup-Timestamp (unix seconds, within 5 minutes of now) and X-Recoup-Signature: sha256=<hex HMAC-SHA256 over \
            "<timestamp>.<raw body>" with the shared secret>. Body {"callId", "entryId", "startedAt", "endedAt", "outcome", "consentNote"}. \
            401 for a missing, stale or bad signature; 200 RECORDED, or DUPLICATE when the same callId comes again.""")
    ResponseEntity<?> result(@RequestHeader(name = "X-Recoup-Timestamp", required = false) String timestamp,
                             @RequestHeader(name = "X-Recoup-Signature", required = false) String sig, @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        WebhookSignature.Verdict verdict = signature.check(timestamp, sig, raw);
        if (verdict != WebhookSignature.Verdict.VALID) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, switch (verdict) {
                case MISSING -> "X-Recoup-Timestamp and X-Recoup-Signature are required";
                case MALFORMED -> "the timestamp or signature is malformed";
                case STALE -> "the timestamp is outside the replay window: a late or replayed message";
                default -> "the signature does not match the body";
            });
            problem.setTitle("Unsigned or badly signed webhook");
            problem.setType(URI.create("urn:recoup:problem:webhook-signature"));
            problem.setProperty("reason", verdict.name());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(problem);
        }
        JsonNode node;
        try {
            node = json.readTree(raw);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", null, "the body is not JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidInputException("body", null, "the body must be a JSON object");
        }
        DialerService.Result r = new DialerService.Result(text(node, "callId"), number(node, "entryId"),
                Inputs.optionalInstant("startedAt", text(node, "startedAt"), clock.zone()),
                Inputs.optionalInstant("endedAt", text(node, "endedAt"), clock.zone()),
                Inputs.optionalEnum("outcome", text(node, "outcome"), Outcome.class), text(node, "consentNote"));
        return ResponseEntity.ok(dialer.record(r));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Long number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToLong() || !v.isIntegralNumber() && !v.isString()) {
            throw new InvalidInputException(field, v.toString(), field + " must be a whole number");
        }
        try {
            return v.isIntegralNumber() ? v.longValue() : Long.parseLong(v.asString());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, v.toString(), field + " must be a whole number");
        }
    }
}
