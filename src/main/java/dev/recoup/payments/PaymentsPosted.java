package dev.recoup.payments;

import java.util.List;

/**
 * Published once per posting (one payment through the API, a chunk of a file) inside the posting's
 * transaction, after the payments are allocated: listeners (promises, plans) run synchronously in
 * that transaction, so a payment and everything it settles commit together, at once (R15/R18).
 * Listeners must work set-based over the list: a file chunk holds thousands of payments.
 */
public record PaymentsPosted(List<PostedPayment> payments) {

    public PaymentsPosted {
        payments = List.copyOf(payments);
    }
}
