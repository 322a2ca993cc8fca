package dev.recoup.payments;

import dev.recoup.payments.persistence.AllocationJournal;
import dev.recoup.payments.persistence.PostingLocks;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Reverses a posted payment (a bounced transfer, a payment booked to the wrong account): its
 * allocation is undone exactly — its journal rows are deleted, and kept with the reversal as they
 * were — so what it paid is owed again; then credit other payments of the account hold pays what
 * is owed again. The payment row stays (its reference stays taken) and counts for nothing.
 * {@link PaymentReversed} is published inside the transaction.
 */
@Service
public class PaymentReversals {

    private final JdbcClient jdbc;
    private final AllocationJournal journal;
    private final PostingLocks locks;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final BusinessClock clock;
    private final ObjectMapper json;

    PaymentReversals(JdbcClient jdbc, AllocationJournal journal, PostingLocks locks, PaymentsProperties properties,
                     ApplicationEventPublisher events, BusinessClock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.locks = locks;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.json = json;
    }

    /** @param undone the journal rows the reversal removed */
    public record Reversal(long paymentId, String paymentRef, long accountId, Long caseId, LocalDate paidOn, long amountMinor, String reason,
                           String reversedBy, Instant reversedAt, List<AllocationJournal.JournalRow> undone, long creditReapplied) {
    }

    /**
     * @throws NotFoundException     no payment has this id
     * @throws InvalidInputException no reason given
     * @throws ConflictException     the payment is already reversed
     */
    @Transactional
    public Reversal reverse(long paymentId, String reason, String reversedBy) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", reason, "a reversal needs a reason (a bounced transfer, the wrong account …)");
        }
        if (reason.length() > 1000) {
            throw new InvalidInputException("reason", reason.substring(0, 40) + "…", "a reason has at most 1000 characters");
        }
        record Payment(long accountId, String paymentRef, LocalDate paidOn, long amount, String product, Long caseId) {
        }
        Payment payment = jdbc.sql("""
                        select p.account_id, p.payment_ref, p.paid_on, p.amount, a.product,
                               (select c.id from collection_case c where c.customer_id = a.customer_id and c.status = 'OPEN') as case_id
                        from payment p join account a on a.id = p.account_id where p.id = ?""")
                .param(paymentId).query(Payment.class).optional()
                .orElseThrow(() -> new NotFoundException("payment", paymentId));
        locks.oneAccount(payment.accountId());
        boolean reversed = jdbc.sql("select exists (select 1 from payment_reversal where payment_id = ?)").param(paymentId).query(Boolean.class).single();
        if (reversed) {
            throw new ConflictException("payment " + paymentId + " (" + payment.paymentRef() + ") is already reversed");
        }
        Instant now = clock.now();
        List<AllocationJournal.JournalRow> undone = journal.ofPayment(paymentId);
        jdbc.sql("delete from payment_allocation where payment_id = ?").param(paymentId).update();
        jdbc.sql("""
                        insert into payment_reversal (payment_id, account_id, reason, reversed_by, reversed_at, undone)
                        values (?, ?, ?, ?, ?, cast(? as jsonb))""")
                .params(paymentId, payment.accountId(), reason, reversedBy, Timestamp.from(now), json.writeValueAsString(undone)).update();
        long reapplied = journal.applyCredits(payment.accountId(), properties.orderFor(payment.product()), now);
        events.publishEvent(new PaymentReversed(paymentId, payment.accountId(), payment.caseId(), payment.paidOn(), payment.amount(), reason,
                reversedBy));
        return new Reversal(paymentId, payment.paymentRef(), payment.accountId(), payment.caseId(), payment.paidOn(), payment.amount(), reason,
                reversedBy, now, undone, reapplied);
    }
}
