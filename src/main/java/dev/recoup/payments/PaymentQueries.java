package dev.recoup.payments;

import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Payments as people read them: recent payments of an account or a case, each with what it paid, from the journal. */
@Service
public class PaymentQueries {

    public static final int MAX_LIMIT = 500;

    private final JdbcClient jdbc;

    PaymentQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param creditMinor what of the payment no instalment has taken (yet)
     * @param reversal    null unless reversed
     * @param allocations what it paid, per instalment (credit used later included), oldest first
     */
    public record PaymentView(long paymentId, String paymentRef, String accountId, LocalDate paidOn, long amountMinor, String channel,
                              Instant postedAt, long creditMinor, ReversalView reversal, List<AllocationView> allocations) {
    }

    public record AllocationView(int seq, LocalDate dueDate, long feeMinor, long penaltyMinor, long interestMinor, long principalMinor,
                                 Instant allocatedAt) {
    }

    public record ReversalView(String reason, String reversedBy, Instant reversedAt) {
    }

    public PaymentView payment(long paymentId) {
        List<PaymentView> found = list("p.id = ?", List.of(paymentId), 1);
        if (found.isEmpty()) {
            throw new NotFoundException("payment", paymentId);
        }
        return found.getFirst();
    }

    /** The account's payments, newest first. */
    public List<PaymentView> ofAccount(String accountRef, int limit) {
        Long id = jdbc.sql("select id from account where account_ref = ?").param(accountRef).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("account", accountRef));
        return list("p.account_id = ?", List.of(id), limit);
    }

    /** The payments on every account of the case's customer, newest first. */
    public List<PaymentView> ofCase(long caseId, int limit) {
        Long customer = jdbc.sql("select customer_id from collection_case where id = ?").param(caseId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
        return list("p.account_id in (select id from account where customer_id = ?)", List.of(customer), limit);
    }

    private List<PaymentView> list(String where, List<Object> params, int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", Integer.toString(limit), "from 1 to " + MAX_LIMIT);
        }
        List<Object> all = new ArrayList<>(params);
        all.add(limit);
        Map<Long, PaymentView> views = new LinkedHashMap<>();
        jdbc.sql("""
                        select p.id, p.payment_ref, a.account_ref, p.paid_on, p.amount, p.channel, p.created_at,
                               coalesce((select sum(j.credit) from payment_allocation j where j.payment_id = p.id and j.seq is null), 0) as credit,
                               r.reason, r.reversed_by, r.reversed_at
                        from payment p join account a on a.id = p.account_id left join payment_reversal r on r.payment_id = p.id
                        where %s order by p.paid_on desc, p.id desc limit ?""".formatted(where))
                .params(all)
                .query(rs -> {
                    OffsetDateTime reversedAt = rs.getObject("reversed_at", OffsetDateTime.class);
                    views.put(rs.getLong("id"), new PaymentView(rs.getLong("id"), rs.getString("payment_ref"), rs.getString("account_ref"),
                            rs.getObject("paid_on", LocalDate.class), rs.getLong("amount"), rs.getString("channel"),
                            rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getLong("credit"),
                            reversedAt == null ? null : new ReversalView(rs.getString("reason"), rs.getString("reversed_by"), reversedAt.toInstant()),
                            new ArrayList<>()));
                });
        if (views.isEmpty()) {
            return List.of();
        }
        jdbc.sql("""
                        select j.payment_id, j.seq, i.due_date, j.fee, j.penalty, j.interest, j.principal, j.allocated_at
                        from payment_allocation j join instalment i on i.account_id = j.account_id and i.seq = j.seq
                        where j.payment_id = any(?) and j.seq is not null order by j.payment_id, i.due_date, j.seq, j.allocated_at""")
                .param(views.keySet().toArray(Long[]::new))
                .query(rs -> {
                    views.get(rs.getLong(1)).allocations().add(new AllocationView(rs.getInt(2), rs.getObject(3, LocalDate.class), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getObject(8, OffsetDateTime.class).toInstant()));
                });
        return List.copyOf(views.values());
    }
}
