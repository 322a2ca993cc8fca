package dev.recoup.payments;

import dev.recoup.payments.persistence.BulkAllocation;
import dev.recoup.payments.persistence.PaymentFileStaging;
import dev.recoup.payments.persistence.PostingLocks;
import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.KindFile;
import dev.recoup.portfolio.domain.PaymentRecord;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Posts a payment file (CSV, or an .xlsx workbook: the sheet {@code payments} or its only sheet) in
 * the portfolio import's format for payments ({@code payment_id, account_id, paid_on, amount[, channel]},
 * amounts in yuan), set-based, in one transaction: rows are read and checked by the import's own
 * readers and rules and copied into staging; in SQL, rows repeating a payment id of the file, naming
 * an unknown account, or whose payment id is already posted are rejected (so posting the same file
 * twice posts nothing the second time); the rest are inserted and allocated in chunks of accounts
 * ({@link BulkAllocation}), one {@link PaymentsPosted} per chunk. Every rejected row is reported with
 * its row, column, value and reason. A file unusable as a whole changes nothing (400).
 */
@Service
public class PaymentFiles {

    private static final Logger log = LoggerFactory.getLogger(PaymentFiles.class);

    private final JdbcClient jdbc;
    private final PaymentFileStaging staging;
    private final BulkAllocation bulk;
    private final PostingLocks locks;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;
    private final MessageSource messages;

    PaymentFiles(JdbcClient jdbc, PaymentFileStaging staging, BulkAllocation bulk, PostingLocks locks, PlatformTransactionManager transactions,
                 BusinessClock clock, MessageSource messages) {
        this.jdbc = jdbc;
        this.staging = staging;
        this.bulk = bulk;
        this.locks = locks;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.messages = messages;
    }

    /** Step timings of the last posting in milliseconds, for the benchmark's profile. */
    public record Profile(long readCheckStageMillis, long validateMillis, long insertMillis, long allocationPrepareMillis,
                          long allocationReadMillis, long allocationPourMillis, long allocationWriteMillis, long listenersMillis,
                          int chunks, long totalMillis) {
    }

    private volatile Profile lastProfile;

    public Profile lastProfile() {
        return lastProfile;
    }

    /**
     * @param fileName as the user named it
     * @throws InvalidInputException when the file is unusable as a whole (nothing is posted then)
     */
    public PaymentFileReport post(Path file, String fileName, String requestedBy) {
        try (KindFile rows = KindFile.open(ImportKind.PAYMENTS, PaymentRecord.LAYOUT, file, fileName)) {
            long fileId = transaction.execute(tx -> apply(rows, requestedBy));
            return report(fileId);
        }
    }

    private long apply(KindFile rows, String requestedBy) {
        long t0 = System.nanoTime();
        locks.manyAccounts();
        Instant now = clock.now();
        long fileId = jdbc.sql("""
                        insert into payment_file (file_name, sheet_name, requested_by, started_at, ignored_columns) values (?, ?, ?, ?, ?) returning id""")
                .params(rows.file(), rows.sheet(), requestedBy, Timestamp.from(now), rows.ignoredColumns().toArray(String[]::new))
                .query(Long.class).single();
        PaymentFileStaging.Staged staged = staging.stage(fileId, rows, clock.today());
        long t1 = System.nanoTime();
        long rejectedInSql = staging.rejectInSql(fileId, rows.label());
        long t2 = System.nanoTime();
        staging.insertPayments(now);
        long t3 = System.nanoTime();
        BulkAllocation.Totals totals = bulk.allocate("select id, account_id, paid_on, amount, payment_ref, channel, id from " + PaymentFileStaging.POSTED, now);
        jdbc.sql("""
                        update payment_file set finished_at = ?, rows_read = ?, rows_posted = ?, rows_rejected = ?, amount_posted = ?, credit_kept = ?
                        where id = ?""")
                .params(Timestamp.from(clock.now()), staged.read(), totals.payments(), staged.rejected() + rejectedInSql, totals.amount(),
                        totals.credit(), fileId)
                .update();
        long t4 = System.nanoTime();
        lastProfile = new Profile((t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, totals.prepareMillis(),
                totals.readMillis(), totals.allocateMillis(), totals.writeMillis(), totals.listenersMillis(), totals.chunks(), (t4 - t0) / 1_000_000);
        log.info("payment file {} ({}): {} rows read, {} posted, {} rejected; {}", fileId, rows.label(), staged.read(), totals.payments(),
                staged.rejected() + rejectedInSql, lastProfile);
        return fileId;
    }

    public PaymentFileReport report(long fileId) {
        PaymentFileReport header = headers("where f.id = ?", fileId).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("payment file", fileId));
        return new PaymentFileReport(header.id(), header.file(), header.sheet(), header.requestedBy(), header.startedAt(), header.finishedAt(),
                header.rowsRead(), header.rowsPosted(), header.rowsRejected(), header.amountPosted(), header.creditKept(), header.ignoredColumns(),
                header.rejectionCount(), rejections(fileId, 0, PaymentFileReport.INLINE_REJECTIONS));
    }

    /** Files' reports without their rejected rows, in one statement. */
    private List<PaymentFileReport> headers(String where, Object param) {
        return jdbc.sql("""
                        select f.id, f.file_name, f.sheet_name, f.requested_by, f.started_at, f.finished_at, f.rows_read, f.rows_posted,
                               f.rows_rejected, f.amount_posted, f.credit_kept, f.ignored_columns,
                               (select count(*) from payment_file_rejection r where r.file_id = f.id)
                        from payment_file f
                        """ + where)
                .param(param)
                .query((rs, n) -> {
                    OffsetDateTime finished = rs.getObject(6, OffsetDateTime.class);
                    return new PaymentFileReport(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class).toInstant(), finished == null ? null : finished.toInstant(), rs.getLong(7),
                            rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), strings(rs.getArray(12)), rs.getLong(13), List.of());
                })
                .list();
    }

    /** A page of a file's rejections (pages from 0, up to 1,000 a page). */
    public List<PaymentFileReport.Rejection> rejections(long fileId, int page, int size) {
        if (page < 0 || size < 1 || size > 1000) {
            throw new InvalidInputException(page < 0 ? "page" : "size", Integer.toString(page < 0 ? page : size),
                    "pages count from 0 and hold 1 to 1000 rejections");
        }
        return jdbc.sql("""
                        select row_no, column_name, value, code, args from payment_file_rejection where file_id = ?
                        order by row_no, column_no offset ? limit ?""")
                .params(fileId, (long) page * size, size)
                .query((rs, n) -> {
                    String code = rs.getString("code");
                    Object[] args = strings(rs.getArray("args")).toArray();
                    return new PaymentFileReport.Rejection(rs.getLong("row_no"), rs.getString("column_name"), rs.getString("value"), code,
                            reason(code, args, Locale.ENGLISH), reason(code, args, Locale.SIMPLIFIED_CHINESE));
                })
                .list();
    }

    /** Recent payment files, newest first, without their rejected rows (a file's {@link #report} has them). */
    public List<PaymentFileReport> recent(int limit) {
        return headers("order by f.id desc limit ?", limit);
    }

    /** Whether the file exists, for reading its rejections. */
    public void mustExist(long fileId) {
        if (!jdbc.sql("select exists (select 1 from payment_file where id = ?)").param(fileId).query(Boolean.class).single()) {
            throw new NotFoundException("payment file", fileId);
        }
    }

    /** Codes of this module's own checks first, then the import format's. */
    private String reason(String code, Object[] args, Locale locale) {
        String own = messages.getMessage("payments.reason." + code, args, null, locale);
        return own != null ? own : messages.getMessage("import.reason." + code, args, code, locale);
    }

    private static List<String> strings(Array array) {
        try {
            return array == null ? List.of() : List.of((String[]) array.getArray());
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
