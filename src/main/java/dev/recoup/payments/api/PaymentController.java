package dev.recoup.payments.api;

import dev.recoup.payments.PaymentPosting;
import dev.recoup.payments.PaymentPosting.PaymentCommand;
import dev.recoup.payments.PaymentQueries;
import dev.recoup.payments.PaymentReversals;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/** Payments over HTTP: posting one payment exactly once per idempotency key, reading payments with their allocation, reversals. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentController {

    private final PaymentPosting posting;
    private final PaymentReversals reversals;
    private final PaymentQueries queries;

    PaymentController(PaymentPosting posting, PaymentReversals reversals, PaymentQueries queries) {
        this.posting = posting;
        this.reversals = reversals;
        this.queries = queries;
    }

    /**
     * @param idempotencyKey may instead come as the header {@code Idempotency-Key}
     */
    record PaymentRequest(String accountId, String paymentRef, LocalDate paidOn, Long amountMinor, String channel, String idempotencyKey) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Post a payment, once per idempotency key", description = """
            Body: accountId (the lender's account id), amountMinor (fen, > 0), paidOn (default today, never later), \
            channel, paymentRef (default API-<key>). The idempotency key comes in the header Idempotency-Key or the field \
            idempotencyKey. The payment is allocated at once (oldest instalment first; fees → penalty → interest → principal \
            unless the product says otherwise); what no instalment needs is kept as credit. 201 with the payment and its \
            allocation. The same key again with the same request answers the first result (same status and body, header \
            Idempotent-Replayed: true) and posts nothing; the same key with a different request is refused (409), as is a \
            paymentRef already posted.""")
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

    @GetMapping("/{id}")
    @Operation(summary = "A payment with what it paid of each instalment, its credit and its reversal if any")
    PaymentQueries.PaymentView payment(@PathVariable long id) {
        return queries.payment(id);
    }

    @GetMapping
    @Operation(summary = "Recent payments of an account (accountId, the lender's id) or of a case (caseId), newest first, with their allocation")
    List<PaymentQueries.PaymentView> payments(@RequestParam(required = false) String accountId, @RequestParam(required = false) Long caseId,
                                              @RequestParam(defaultValue = "50") int limit) {
        if ((accountId == null) == (caseId == null)) {
            throw new InvalidInputException("accountId", accountId, "give either accountId or caseId");
        }
        return accountId != null ? queries.ofAccount(accountId, limit) : queries.ofCase(caseId, limit);
    }

    record ReversalRequest(String reason) {
    }

    @PostMapping(path = "/{id}/reversal", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Reverse a payment with a reason", description = """
            Undoes the payment's allocation exactly (what it paid is owed again; the removed allocation is kept with the \
            reversal), then credit the account holds from other payments pays what is owed again. The account, its case and \
            promises see it at once. 409 if already reversed.""")
    ResponseEntity<PaymentReversals.Reversal> reverse(@PathVariable long id, @RequestBody ReversalRequest request, Authentication user) {
        return ResponseEntity.status(HttpStatus.CREATED).body(reversals.reverse(id, request.reason(), user.getName()));
    }
}
