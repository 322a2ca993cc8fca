package dev.recoup.payments;

import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.AllocationLine;
import dev.recoup.payments.domain.OpenInstalment;
import dev.recoup.payments.persistence.AllocationJournal;
import dev.recoup.payments.persistence.PostingLocks;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Posts one payment (the API, the payments page) exactly once per idempotency key: the key is
 * reserved first, in the posting's own transaction, so a concurrent retry with the same key waits
 * for the first to commit and then reads its result; a key whose first posting failed (400, 409)
 * is free again, because nothing of that attempt was committed. The payment is allocated at once
 * (oldest instalment first, in the product's component order), its credit kept, and
 * {@link PaymentsPosted} published inside the transaction, so the account, its case and any promise
 * change together with the payment.
 */
@Service
public class PaymentPosting {

    /** The longest idempotency key accepted. */
    public static final int MAX_KEY = 200;

    private final JdbcClient jdbc;
    private final AllocationJournal journal;
    private final PostingLocks locks;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;
    private final ObjectMapper json;

    PaymentPosting(JdbcClient jdbc, AllocationJournal journal, PostingLocks locks, PaymentsProperties properties,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions, BusinessClock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.journal = journal;
        this.locks = locks;
        this.properties = properties;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.json = json;
    }

    /**
     * One payment as asked for. Amount in fen.
     *
     * @param accountId  the lender's account id ({@code account_ref})
     * @param paymentRef the payment's own reference; by default {@code API-<idempotency key>}
     * @param paidOn     by default today; never in the future
     */
    public record PaymentCommand(String accountId, String paymentRef, LocalDate paidOn, Long amountMinor, String channel) {
    }

    /**
     * The answer to a posting: HTTP status and JSON body, byte for byte what the first posting with
     * this key answered.
     *
     * @param repeated true when the key had been used before and nothing was posted now
     */
    public record Outcome(int status, long paymentId, String body, boolean repeated) {
    }

    /** The JSON body of a posted payment. */
    public record PostedView(long paymentId, String paymentRef, String accountId, Long caseId, LocalDate paidOn, long amountMinor,
                             long creditMinor, String channel, Instant postedAt, List<LineView> allocations) {
    }

    /** What the payment paid of one instalment. */
    public record LineView(int seq, LocalDate dueDate, long feeMinor, long penaltyMinor, long interestMinor, long principalMinor) {
    }

    /**
     * @throws InvalidInputException a missing or bad field, an unknown account, a key too long
     * @throws ConflictException     the key was used for a different request, or the payment reference is already posted
     */
    public Outcome post(PaymentCommand command, String idempotencyKey, String postedBy) {
        check(command, idempotencyKey);
        String hash = hash(command);
        return transaction.execute(tx -> {
            Instant now = clock.now();
            int reserved = jdbc.sql("""
                            insert into payment_request (idempotency_key, request_hash, payment_id, status, response, requested_by, created_at)
                            values (?, ?, 0, 0, '', ?, ?) on conflict (idempotency_key) do nothing""")
                    .params(idempotencyKey, hash, postedBy, Timestamp.from(now)).update();
            if (reserved == 0) {
                return repeated(idempotencyKey, hash);
            }
            Outcome outcome = postNew(command, idempotencyKey, postedBy, now);
            jdbc.sql("update payment_request set payment_id = ?, status = ?, response = ? where idempotency_key = ?")
                    .params(outcome.paymentId(), outcome.status(), outcome.body(), idempotencyKey).update();
            return outcome;
        });
    }

    private Outcome repeated(String key, String hash) {
        record Stored(String requestHash, int status, long paymentId, String response) {
        }
        Stored stored = jdbc.sql("select request_hash, status, payment_id, response from payment_request where idempotency_key = ?")
                .param(key).query(Stored.class).single();
        if (!stored.requestHash().equals(hash)) {
            throw new ConflictException("the idempotency key " + key + " was used for a different payment; use a new key for a new payment");
        }
        return new Outcome(stored.status(), stored.paymentId(), stored.response(), true);
    }

    private Outcome postNew(PaymentCommand command, String key, String postedBy, Instant now) {
        record Target(long id, String product, Long caseId) {
        }
        Target account = jdbc.sql("""
                        select a.id, a.product, (select c.id from collection_case c where c.customer_id = a.customer_id and c.status = 'OPEN') as case_id
                        from account a where a.account_ref = ?""")
                .param(command.accountId()).query(Target.class).optional()
                .orElseThrow(() -> new InvalidInputException("accountId", command.accountId(), "no account has this id"));
        locks.oneAccount(account.id());
        LocalDate paidOn = command.paidOn() == null ? clock.today() : command.paidOn();
        if (paidOn.isAfter(clock.today())) {
            throw new InvalidInputException("paidOn", paidOn.toString(), "a payment cannot be paid on a day still to come (today is " + clock.today() + ")");
        }
        String ref = command.paymentRef() == null ? "API-" + key : command.paymentRef();
        String channel = command.channel();
        Long paymentId = jdbc.sql("""
                        insert into payment (payment_ref, account_id, paid_on, amount, channel, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (payment_ref) do nothing returning id""")
                .params(ref, account.id(), paidOn, command.amountMinor(), channel, Timestamp.from(now), Timestamp.from(now))
                .query(Long.class).optional().orElse(null);
        if (paymentId == null) {
            throw new ConflictException("a payment with the reference " + ref + " is already posted");
        }
        List<OpenInstalment> schedule = journal.openSchedule(account.id());
        Allocation allocation = Allocation.pour(schedule, command.amountMinor(), properties.orderFor(account.product()));
        journal.appendPayment(paymentId, account.id(), allocation.lines(), allocation.rest(), paidOn, now);
        events.publishEvent(new PaymentsPosted(List.of(new PostedPayment(paymentId, ref, account.id(), account.caseId(), paidOn,
                command.amountMinor(), allocation.rest(), channel))));
        PostedView view = new PostedView(paymentId, ref, command.accountId(), account.caseId(), paidOn, command.amountMinor(),
                allocation.rest(), channel, now, lineViews(schedule, allocation.lines()));
        return new Outcome(201, paymentId, json.writeValueAsString(view), false);
    }

    static List<LineView> lineViews(List<OpenInstalment> schedule, List<AllocationLine> lines) {
        List<LineView> views = new ArrayList<>(lines.size());
        for (AllocationLine l : lines) {
            LocalDate due = schedule.stream().filter(i -> i.seq() == l.seq()).findFirst().map(OpenInstalment::dueDate).orElse(null);
            views.add(new LineView(l.seq(), due, l.fee(), l.penalty(), l.interest(), l.principal()));
        }
        return views;
    }

    private static void check(PaymentCommand command, String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("Idempotency-Key", key,
                    "an idempotency key is required (header Idempotency-Key or field idempotencyKey): a retry with the same key posts nothing new");
        }
        if (key.length() > MAX_KEY) {
            throw new InvalidInputException("Idempotency-Key", key.substring(0, 40) + "…", "an idempotency key has at most " + MAX_KEY + " characters");
        }
        if (command.accountId() == null || command.accountId().isBlank()) {
            throw new InvalidInputException("accountId", command.accountId(), "the account id is required");
        }
        if (command.amountMinor() == null || command.amountMinor() <= 0) {
            throw new InvalidInputException("amountMinor", Objects.toString(command.amountMinor(), null),
                    "the amount is required and above zero, in fen (1 yuan = 100)");
        }
        if (command.paymentRef() != null && (command.paymentRef().isBlank() || command.paymentRef().length() > 100)) {
            throw new InvalidInputException("paymentRef", command.paymentRef(), "a payment reference has 1 to 100 characters");
        }
        if (command.channel() != null && command.channel().length() > 100) {
            throw new InvalidInputException("channel", command.channel(), "a channel has at most 100 characters");
        }
    }

    /** What makes two requests the same request: every field as sent (defaults are not filled in). */
    private static String hash(PaymentCommand c) {
        String canonical = String.join("\u001f", Objects.toString(c.accountId(), ""), Objects.toString(c.paymentRef(), ""),
                Objects.toString(c.paidOn(), ""), Objects.toString(c.amountMinor(), ""), Objects.toString(c.channel(), ""));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
