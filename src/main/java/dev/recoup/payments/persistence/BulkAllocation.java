package dev.recoup.payments.persistence;

import dev.recoup.shared.CopyRowWriter;

import dev.recoup.shared.CopyRowReader;

import dev.recoup.payments.PaymentsPosted;
import dev.recoup.payments.PaymentsProperties;
import dev.recoup.payments.PostedPayment;
import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.AllocationLine;
import dev.recoup.payments.domain.OpenInstalment;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Allocates many payments at once, set-based and streaming (a file posting, an import's payments):
 * the payments wait in a temporary work table; chunk by chunk of whole accounts, the chunk's payments,
 * then its accounts and their open schedules (dues less the journal) are copied out in account order,
 * each payment is poured in Java by the same {@link Allocation} rule as a single posting, the lines
 * are copied into the journal, and one {@link PaymentsPosted} is published for the chunk — all in
 * the caller's transaction and on its connection. The caller holds the posting lock exclusively.
 */
@Component
public class BulkAllocation {

    private static final Logger log = LoggerFactory.getLogger(BulkAllocation.class);
    static final String WORK = "payment_allocation_work";

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final PaymentsProperties properties;
    private final ApplicationEventPublisher events;

    public BulkAllocation(DataSource dataSource, JdbcClient jdbc, PaymentsProperties properties, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.properties = properties;
        this.events = events;
    }

    /** What a bulk allocation did; step times in milliseconds for the benchmark's profile. */
    public record Totals(long payments, long amount, long allocated, long credit, int chunks, long prepareMillis, long readMillis,
                         long allocateMillis, long writeMillis, long listenersMillis) {
    }

    /**
     * Allocates the payments a query selects. {@code select} must return, in this order:
     * payment id, account id, paid on, amount, payment ref, channel, and an ordering value (payments of
     * one account are allocated by paid-on date, then by it).
     */
    public Totals allocate(String select, Instant at) {
        long t0 = System.nanoTime();
        jdbc.sql("drop table if exists " + WORK).update();
        jdbc.sql("create temporary table " + WORK + " on commit drop as "
                + "select payment_id, account_id, paid_on, amount, payment_ref, channel, ord, "
                + "(dense_rank() over (order by account_id) - 1) / " + accountsPerChunk() + " as chunk_no "
                + "from (" + select + ") as b (payment_id, account_id, paid_on, amount, payment_ref, channel, ord)").update();
        int chunks = jdbc.sql("select coalesce(max(chunk_no) + 1, 0) from " + WORK).query(Integer.class).single();
        if (chunks > 1) {
            jdbc.sql("create index on " + WORK + " (chunk_no)").update();
        }
        jdbc.sql("analyze " + WORK).update();
        long prepared = System.nanoTime();
        Chunk totals = new Chunk();
        long read = 0, allocate = 0, write = 0, listen = 0;
        for (int k = 0; k < chunks; k++) {
            Chunk chunk = new Chunk();
            long s0 = System.nanoTime();
            List<Account> accounts = read(k);
            long s1 = System.nanoTime();
            CopyRowWriter lines = new CopyRowWriter(1 << 16);
            List<PostedPayment> posted = pour(accounts, lines, at, chunk);
            long s2 = System.nanoTime();
            lines.copyInto(dataSource, "payment_allocation (payment_id, account_id, seq, fee, penalty, interest, principal, credit, effective_on, allocated_at)");
            long s3 = System.nanoTime();
            events.publishEvent(new PaymentsPosted(posted));
            long s4 = System.nanoTime();
            read += s1 - s0;
            allocate += s2 - s1;
            write += s3 - s2;
            listen += s4 - s3;
            totals.add(chunk);
        }
        jdbc.sql("drop table if exists " + WORK).update();
        Totals result = new Totals(totals.payments, totals.amount, totals.allocated, totals.credit, chunks, ms(prepared - t0), ms(read),
                ms(allocate), ms(write), ms(listen));
        log.info("allocated {} payments in {} chunks: {}", result.payments(), chunks, result);
        return result;
    }

    private int accountsPerChunk() {
        return properties.chunkAccounts();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }

    private static final class Chunk {
        long payments, amount, allocated, credit;

        void add(Chunk other) {
            payments += other.payments;
            amount += other.amount;
            allocated += other.allocated;
            credit += other.credit;
        }
    }

    /** One account of a chunk: its product, open case, open schedule and the payments to allocate. */
    private static final class Account {
        final long id;
        String product;
        Long caseId;
        final List<OpenInstalment> schedule = new ArrayList<>();
        final List<Payment> payments = new ArrayList<>();

        Account(long id) {
            this.id = id;
        }
    }

    private record Payment(long id, LocalDate paidOn, long amount, String ref, String channel) {
    }

    private List<Account> read(int chunk) {
        List<Account> accounts = new ArrayList<>();
        CopyRowReader row = new CopyRowReader();
        copyOut("copy (select account_id, payment_id, paid_on, amount, payment_ref, channel from " + WORK + " where chunk_no = " + chunk
                + " order by account_id, paid_on, ord) to stdout", bytes -> {
            row.reset(bytes);
            long accountId = row.nextLong();
            if (accounts.isEmpty() || accounts.getLast().id != accountId) {
                accounts.add(new Account(accountId));
            }
            accounts.getLast().payments.add(new Payment(row.nextLong(), LocalDate.ofEpochDay(row.nextEpochDay()), row.nextLong(), row.nextText(),
                    row.nextText()));
        });
        // Which accounts: a chunk of an import's first load holds nearly every id of a range, read with range scans; a chunk
        // of a day's payment file holds a few thousand of a million accounts, read with one index lookup per account
        // (LATERAL … offset 0; a join or "= any(array)" would scan or bitmap-sort far more than it uses).
        long first = accounts.getFirst().id, last = accounts.getLast().id;
        boolean dense = last - first + 1 <= 2L * accounts.size();
        StringBuilder ids = new StringBuilder("'{");
        for (int k = 0; k < accounts.size(); k++) {
            ids.append(k == 0 ? "" : ",").append(accounts.get(k).id);
        }
        String array = ids.append("}'::bigint[]").toString();
        String chunkAccounts = dense ? "(select id as account_id from account where id between " + first + " and " + last + ")"
                : "(select unnest(" + array + ") as account_id)";
        int[] at = {0};
        copyOut("copy (select a.id, a.product, (select c.id from collection_case c where c.customer_id = a.customer_id and c.status = 'OPEN')"
                + " from " + chunkAccounts + " w cross join lateral (select a.id, a.product, a.customer_id from account a where a.id = w.account_id"
                + " offset 0) a order by a.id) to stdout", bytes -> {
            row.reset(bytes);
            Account account = next(accounts, at, row.nextLong());
            if (account != null) {
                account.product = row.nextText();
                long caseId = row.nextLong();
                account.caseId = caseId == CopyRowReader.NULL ? null : caseId;
            }
        });
        // The schedules of the same accounts, in the same order: dues less what the journal already paid.
        at[0] = 0;
        String openSchedules = dense
                ? "select i.account_id, i.seq, i.due_date,"
                + " greatest(i.fee_due - coalesce(j.fee, 0), 0), greatest(i.penalty_due - coalesce(j.penalty, 0), 0),"
                + " greatest(i.interest_due - coalesce(j.interest, 0), 0), greatest(i.principal_due - coalesce(j.principal, 0), 0)"
                + " from instalment i left join (select account_id, seq, sum(fee) as fee, sum(penalty) as penalty, sum(interest) as interest,"
                + "   sum(principal) as principal from payment_allocation where account_id between " + first + " and " + last + " and seq is not null"
                + "   group by account_id, seq) j on j.account_id = i.account_id and j.seq = i.seq"
                + " where i.account_id between " + first + " and " + last + " order by i.account_id, i.due_date, i.seq"
                : "select w.account_id, s.seq, s.due_date, s.fee, s.penalty, s.interest, s.principal from " + chunkAccounts + " w"
                + " cross join lateral (select i.seq, i.due_date,"
                + "   greatest(i.fee_due - coalesce(sum(a.fee), 0), 0) as fee, greatest(i.penalty_due - coalesce(sum(a.penalty), 0), 0) as penalty,"
                + "   greatest(i.interest_due - coalesce(sum(a.interest), 0), 0) as interest,"
                + "   greatest(i.principal_due - coalesce(sum(a.principal), 0), 0) as principal"
                + "   from instalment i left join payment_allocation a on a.account_id = i.account_id and a.seq = i.seq"
                + "   where i.account_id = w.account_id group by i.account_id, i.seq offset 0) s"
                + " order by w.account_id, s.due_date, s.seq";
        copyOut("copy (" + openSchedules + ") to stdout", bytes -> {
            row.reset(bytes);
            Account account = next(accounts, at, row.nextLong());
            if (account != null) {
                account.schedule.add(new OpenInstalment((int) row.nextLong(), LocalDate.ofEpochDay(row.nextEpochDay()), row.nextLong(),
                        row.nextLong(), row.nextLong(), row.nextLong()));
            }
        });
        return accounts;
    }

    private List<PostedPayment> pour(List<Account> accounts, CopyRowWriter line, Instant at, Chunk chunk) {
        String stamp = OffsetDateTime.ofInstant(at, ZoneOffset.UTC).toString();
        List<PostedPayment> posted = new ArrayList<>();
        for (Account account : accounts) {
            var order = properties.orderFor(account.product);
            for (Payment p : account.payments) {
                Allocation allocation = Allocation.pour(account.schedule, p.amount(), order);
                for (AllocationLine l : allocation.lines()) {
                    line.add(p.id()).add(account.id).add(l.seq()).add(l.fee()).add(l.penalty()).add(l.interest())
                            .add(l.principal()).add(0).add(p.paidOn()).add(stamp);
                    line.end();
                }
                if (allocation.rest() > 0) {
                    line.add(p.id()).add(account.id).add((Object) null).add(0).add(0).add(0).add(0).add(allocation.rest())
                            .add(p.paidOn()).add(stamp);
                    line.end();
                }
                posted.add(new PostedPayment(p.id(), p.ref(), account.id, account.caseId, p.paidOn(), p.amount(), allocation.rest(), p.channel()));
                chunk.payments++;
                chunk.amount += p.amount();
                chunk.allocated += p.amount() - allocation.rest();
                chunk.credit += allocation.rest();
            }
        }
        return posted;
    }

    /** The chunk's account with this id, moving forward through the sorted list; null for an id of the range not in the chunk. */
    private static Account next(List<Account> accounts, int[] at, long accountId) {
        while (at[0] < accounts.size() && accounts.get(at[0]).id < accountId) {
            at[0]++;
        }
        return at[0] < accounts.size() && accounts.get(at[0]).id == accountId ? accounts.get(at[0]) : null;
    }

    private CopyManager copyManager() {
        try {
            return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("bulk allocation needs a PostgreSQL connection", e);
        }
    }

    private void copyOut(String sql, Consumer<byte[]> each) {
        if (log.isDebugEnabled()) {
            // The plan with actual timings, for profiling at scale (logging.level.dev.recoup.payments=DEBUG).
            String select = sql.substring("copy (".length(), sql.lastIndexOf(") to stdout"));
            log.debug("{}\n{}", select, String.join("\n", jdbc.sql("explain (analyze, buffers) " + select).query(String.class).list()));
        }
        try {
            CopyOut out = copyManager().copyOut(sql);
            byte[] bytes;
            while ((bytes = out.readFromCopy()) != null) {
                each.accept(bytes);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("copying out failed: " + e.getMessage(), e);
        }
    }
}
