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
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;
    private final ObjectMapper json;

    PaymentPosting(JdbcClient jdbc, AllocationJournal journal, PaymentsProperties properties,
                   ApplicationEventPublisher events, PlatformTransactionManager transactions, BusinessClock clock, ObjectMapper json) {
        this.jdbc = jdbc;
        this.journal = journal;
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
        // Three statements and the listeners per payment: the API's throughput is round trips.
        return transaction.execute(tx -> {
            Instant now = clock.now();
            Target target = reserve(command, idempotencyKey, hash, postedBy, now);
            if (!target.reserved()) {
                return repeated(idempotencyKey, hash);
            }
            if (target.accountId() == null) {
                throw new InvalidInputException("accountId", command.accountId(), "no account has this id");
            }
            return postNew(command, idempotencyKey, target, now);
        });
    }

    /**
     * The reservation of the key, the account, its open case, and the posting locks (see {@code PostingLocks}), in one statement.
     * It also makes the rest of the transaction use generic plans: a posting runs the same dozen prepared statements every time
     * (allocation, intraday update, promise and plan judging), and planning them afresh was about 40% of PostgreSQL's CPU per
     * API payment (docs/benchmarks.md).
     */
    private record Target(boolean reserved, Long accountId, String product, Long caseId) {
    }

    private Target reserve(PaymentCommand command, String key, String hash, String postedBy, Instant now) {
        return jdbc.sql("""
                        with reserved as (
                            insert into payment_request (idempotency_key, request_hash, payment_id, status, response, requested_by, created_at)
                            values (:key, :hash, 0, 0, '', :by, :now) on conflict (idempotency_key) do nothing returning 1
                        )
                        select (select count(*) from reserved) = 1 as reserved, a.id, a.product,
                               (select c.id from collection_case c where c.customer_id = a.customer_id and c.status = 'OPEN') as case_id,
                               """ + PostingLocks.ONE_ACCOUNT_LOCKS.formatted("a.id") + """
                               , set_config('plan_cache_mode', 'force_generic_plan', true) as generic_plans
                        from (select 1) as one left join account a on a.account_ref = :account""")
                .param("key", key).param("hash", hash).param("by", postedBy).param("now", Timestamp.from(now)).param("account", command.accountId())
                .query((rs, n) -> new Target(rs.getBoolean("reserved"), (Long) rs.getObject("id"), rs.getString("product"),
                        (Long) rs.getObject("case_id")))
                .single();
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

    private Outcome postNew(PaymentCommand command, String key, Target account, Instant now) {
        LocalDate paidOn = command.paidOn() == null ? clock.today() : command.paidOn();
        if (paidOn.isAfter(clock.today())) {
            throw new InvalidInputException("paidOn", paidOn.toString(), "a payment cannot be paid on a day still to come (today is " + clock.today() + ")");
        }
        String ref = command.paymentRef() == null ? "API-" + key : command.paymentRef();
        String channel = command.channel();
        // The payment and what the schedule still owes, in one statement.
        Long[] paymentId = {null};
        List<OpenInstalment> schedule = new ArrayList<>();
        jdbc.sql("""
                        with inserted as (
                            insert into payment (payment_ref, account_id, paid_on, amount, channel, created_at, updated_at)
                            values (:ref, :account, :paidOn, :amount, :channel, :now, :now)
                            on conflict (payment_ref) do nothing returning id
                        )
                        select (select id from inserted) as payment_id, s.* from (select 1) as one left join lateral (
                        """ + AllocationJournal.OPEN_SCHEDULE + """
                        ) s on true""")
                .param("ref", ref).param("account", account.accountId()).param("paidOn", paidOn).param("amount", command.amountMinor())
                .param("channel", channel).param("now", Timestamp.from(now))
                .query(rs -> {
                    paymentId[0] = (Long) rs.getObject("payment_id");
                    if (rs.getObject("seq") != null) {
                        schedule.add(AllocationJournal.openInstalment(rs));
                    }
                });
        if (paymentId[0] == null) {
            throw new ConflictException("a payment with the reference " + ref + " is already posted");
        }
        Allocation allocation = Allocation.pour(schedule, command.amountMinor(), properties.orderFor(account.product()));
        PostedView view = new PostedView(paymentId[0], ref, command.accountId(), account.caseId(), paidOn, command.amountMinor(),
                allocation.rest(), channel, now, lineViews(schedule, allocation.lines()));
        String body = json.writeValueAsString(view);
        journal.appendPayment(paymentId[0], account.accountId(), allocation.lines(), allocation.rest(), paidOn, now,
                new AllocationJournal.AlsoUpdate("update payment_request set payment_id = ?, status = 201, response = ? where idempotency_key = ?",
                        List.of(paymentId[0], body, key)));
        events.publishEvent(new PaymentsPosted(List.of(new PostedPayment(paymentId[0], ref, account.accountId(), account.caseId(), paidOn,
                command.amountMinor(), allocation.rest(), channel))));
        return new Outcome(201, paymentId[0], body, false);
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
