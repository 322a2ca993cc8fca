package dev.recoup.payments.persistence;

import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.AllocationLine;
import dev.recoup.payments.domain.OpenInstalment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The allocation journal of one account at a time ({@code payment_allocation}): what its
 * instalments still owe, and appending what a payment, an adjustment or credit paid. Bulk postings
 * use {@link BulkAllocation} instead.
 */
@Component
public class AllocationJournal {

    private final JdbcClient jdbc;

    public AllocationJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * What each instalment of the account {@code :account} still owes (dues less everything
     * allocated), oldest first; columns seq, due_date, fee, penalty, interest, principal.
     */
    public static final String OPEN_SCHEDULE = """
            select i.seq, i.due_date,
                   greatest(i.fee_due - coalesce(j.fee, 0), 0) as fee, greatest(i.penalty_due - coalesce(j.penalty, 0), 0) as penalty,
                   greatest(i.interest_due - coalesce(j.interest, 0), 0) as interest,
                   greatest(i.principal_due - coalesce(j.principal, 0), 0) as principal
            from instalment i
            left join (select seq, sum(fee) as fee, sum(penalty) as penalty, sum(interest) as interest, sum(principal) as principal
                       from payment_allocation where account_id = :account and seq is not null group by seq) j on j.seq = i.seq
            where i.account_id = :account
            order by i.due_date, i.seq""";

    public List<OpenInstalment> openSchedule(long accountId) {
        return jdbc.sql(OPEN_SCHEDULE).param("account", accountId).query((rs, n) -> openInstalment(rs)).list();
    }

    /** A row of {@link #OPEN_SCHEDULE}. */
    public static OpenInstalment openInstalment(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OpenInstalment(rs.getInt("seq"), rs.getObject("due_date", LocalDate.class), rs.getLong("fee"), rs.getLong("penalty"),
                rs.getLong("interest"), rs.getLong("principal"));
    }

    /** A statement to run together with an append, in the same round trip. */
    public record AlsoUpdate(String sql, List<Object> params) {
    }

    /** Payments of the account with credit left, oldest first: (payment id, credit, paid on). */
    public List<Credit> credits(long accountId) {
        return jdbc.sql("""
                        select a.payment_id, sum(a.credit), min(a.effective_on) from payment_allocation a
                        where a.account_id = ? and a.seq is null group by a.payment_id having sum(a.credit) > 0 order by a.payment_id""")
                .param(accountId)
                .query((rs, n) -> new Credit(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
                .list();
    }

    public record Credit(long paymentId, long amount, LocalDate paidOn) {
    }

    /** Appends a payment's lines and, when some is left, its credit. */
    public void appendPayment(long paymentId, long accountId, List<AllocationLine> lines, long credit, LocalDate paidOn, Instant at) {
        append(paymentId, null, accountId, lines, credit, paidOn, at, null);
    }

    public void appendPayment(long paymentId, long accountId, List<AllocationLine> lines, long credit, LocalDate paidOn, Instant at, AlsoUpdate also) {
        append(paymentId, null, accountId, lines, credit, paidOn, at, also);
    }

    public void appendAdjustment(long adjustmentId, long accountId, List<AllocationLine> lines, LocalDate effectiveOn, Instant at) {
        append(null, adjustmentId, accountId, lines, 0, effectiveOn, at, null);
    }

    /** Credit of a payment used by dues: its lines and the credit they took (a negative credit row). */
    public void appendCreditUse(long paymentId, long accountId, List<AllocationLine> lines, LocalDate paidOn, Instant at) {
        long used = lines.stream().mapToLong(AllocationLine::total).sum();
        append(paymentId, null, accountId, lines, -used, paidOn, at, null);
    }

    private void append(Long paymentId, Long adjustmentId, long accountId, List<AllocationLine> lines, long credit, LocalDate on, Instant at,
                        AlsoUpdate also) {
        List<Object[]> rows = new ArrayList<>(lines.size() + 1);
        Timestamp stamp = Timestamp.from(at);
        for (AllocationLine l : lines) {
            rows.add(new Object[] {paymentId, adjustmentId, accountId, l.seq(), l.fee(), l.penalty(), l.interest(), l.principal(), 0L, on, stamp});
        }
        if (credit != 0) {
            rows.add(new Object[] {paymentId, adjustmentId, accountId, null, 0L, 0L, 0L, 0L, credit, on, stamp});
        }
        if (rows.isEmpty()) {
            if (also != null) {
                jdbc.sql(also.sql()).params(also.params()).update();
            }
            return;
        }
        // One multi-row insert (with the caller's other statement as a CTE): one round trip however many instalments were paid.
        StringBuilder sql = new StringBuilder(also == null ? "" : "with lines as (");
        sql.append("insert into payment_allocation (payment_id, adjustment_id, account_id, seq, fee, penalty, interest,"
                + " principal, credit, effective_on, allocated_at) values ");
        List<Object> params = new ArrayList<>(rows.size() * 11 + 3);
        for (int r = 0; r < rows.size(); r++) {
            sql.append(r == 0 ? "" : ", ").append("(cast(? as bigint), cast(? as bigint), ?, cast(? as integer), ?, ?, ?, ?, ?, ?, ?)");
            params.addAll(Arrays.asList(rows.get(r)));
        }
        if (also != null) {
            sql.append(") ").append(also.sql());
            params.addAll(also.params());
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    /**
     * Lets credit pay what is owed: the account's payments with credit left, oldest first, are
     * poured into its open schedule by the same rule as new money (after a reversal freed what a
     * payment had paid, or an import added dues). Each use is journalled as the paying payment's lines
     * and a negative credit row, so the credit's way stays traceable.
     *
     * @return the credit used
     */
    public long applyCredits(long accountId, dev.recoup.payments.domain.AllocationOrder order, Instant at) {
        List<Credit> credits = credits(accountId);
        if (credits.isEmpty()) {
            return 0;
        }
        List<OpenInstalment> schedule = openSchedule(accountId);
        List<Allocation.HeldCredit> held = credits.stream().map(c -> new Allocation.HeldCredit(c.paymentId(), c.amount())).toList();
        long used = 0;
        for (Allocation.CreditUse use : Allocation.useCredits(schedule, held, order)) {
            LocalDate paidOn = credits.stream().filter(c -> c.paymentId() == use.paymentId()).findFirst().orElseThrow().paidOn();
            appendCreditUse(use.paymentId(), accountId, use.allocation().lines(), paidOn, at);
            used += use.allocation().allocated();
        }
        return used;
    }

    /** The lines of a payment, as they stand. */
    public List<JournalRow> ofPayment(long paymentId) {
        return jdbc.sql("""
                        select seq, fee, penalty, interest, principal, credit, effective_on, allocated_at from payment_allocation
                        where payment_id = ? order by allocated_at, seq nulls last""")
                .param(paymentId)
                .query((rs, n) -> new JournalRow((Integer) rs.getObject(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** One journal row; seq null for a credit movement. */
    public record JournalRow(Integer seq, long fee, long penalty, long interest, long principal, long credit, LocalDate effectiveOn,
                             Instant allocatedAt) {
        public long allocated() {
            return fee + penalty + interest + principal;
        }
    }
}
