package dev.recoup.payments.api;

import dev.recoup.payments.PaymentPosting;
import dev.recoup.payments.PaymentPosting.PaymentCommand;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;

/** Payments over HTTP: posting one payment exactly once per idempotency key. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentPosting posting;

    PaymentController(PaymentPosting posting) {
        this.posting = posting;
    }

    /**
     * @param idempotencyKey may instead come as the field {@code idempotencyKey}
     */
    record PaymentRequest(String accountId, String paymentRef, LocalDate paidOn, Long amountMinor, String channel, String idempotencyKey) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a payment, once per idempotency key", description = """
            Body: accountId (the lender's account id), amountMinor (fen, > 0), paidOn (default today, never later), \
            channel, paymentRef (default API-<key>). The idempotency key comes in the header Idempotency-Key or the field \
            idempotencyKey. The payment is allocated at once (oldest instalment first; fees → penalty → interest → principal \
            unless the product says otherwise); what no instalment needs is kept as credit. 201 with the payment and its \
            allocation. The same key again with the same request answers the first result (same status and body) and posts \
            nothing; the same key with a different request is refused (409), as is a paymentRef already posted.""")
    ResponseEntity<String> post(@RequestBody PaymentRequest request, @RequestHeader(name = "Idempotency-Key", required = false) String header,
                                Authentication user) {
        String key = header;
        if (request.idempotencyKey() != null) {
            if (header != null && !header.equals(request.idempotencyKey())) {
                throw new InvalidInputException("idempotencyKey", request.idempotencyKey(),
                        "the header Idempotency-Key and the field idempotencyKey differ; send one key");
            }
            key = request.idempotencyKey();
        }
        PaymentPosting.Outcome outcome = posting.post(new PaymentCommand(request.accountId(), request.paymentRef(), request.paidOn(),
                request.amountMinor(), request.channel()), key, user.getName());
        return ResponseEntity.status(HttpStatus.valueOf(outcome.status()))
                .location(URI.create("/api/v1/payments/" + outcome.paymentId()))
                .header("Idempotent-Replayed", Boolean.toString(outcome.repeated()))
                .contentType(MediaType.APPLICATION_JSON)
                .body(outcome.body());
    }
}
