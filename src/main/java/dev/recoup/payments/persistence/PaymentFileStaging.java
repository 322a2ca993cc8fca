package dev.recoup.payments.persistence;

import dev.recoup.shared.CopyRowWriter;

import dev.recoup.portfolio.KindFile;
import dev.recoup.portfolio.domain.Column;
import dev.recoup.portfolio.domain.PaymentRecord;
import dev.recoup.portfolio.domain.Problem;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based steps of a payment file, in the caller's transaction: checked rows into a temporary
 * staging table with COPY (rejections found in Java copied into {@code payment_file_rejection}
 * between COPY segments), then the checks only the database can make, then the insert.
 */
@Component
public class PaymentFileStaging {

    /** The staging table of the file being posted. */
    static final String STAGING = "payment_file_staging";
    /** The payments the file inserted, to allocate. */
    public static final String POSTED = "payment_file_posted";
    private static final int REJECTION_BATCH = 5_000;
    private static final int FLUSH_BYTES = 1 << 20;

    private final DataSource dataSource;
    private final JdbcClient jdbc;

    public PaymentFileStaging(DataSource dataSource, JdbcClient jdbc) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    public record Staged(long read, long rejected) {
    }

    /** A row's problem found in Java: the import format's checks, or a date still to come. */
    private record Rejected(long row, Column column, String value, String code, List<String> args) {

        static Rejected of(long row, Problem p) {
            return new Rejected(row, p.column(), p.value(), p.code().key(), p.args());
        }
    }

    /** Reads, checks and stages every row; a payment dated after {@code today} is rejected. */
    public Staged stage(long fileId, KindFile rows, LocalDate today) {
        jdbc.sql("drop table if exists " + STAGING).update();
        jdbc.sql("create temporary table " + STAGING + " (payment_ref text, account_ref text, paid_on date, amount bigint, channel text,"
                + " row_no bigint) on commit drop").update();
        CopyManager copy = copyManager();
        List<Rejected> rejections = new ArrayList<>();
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
        CopyRowWriter line = new CopyRowWriter(buffer);
        CopyIn in = null;
        long read = 0, rejected = 0;
        try {
            while (rows.next()) {
                read++;
                PaymentRecord payment = rows.cells().ok() ? PaymentRecord.read(rows.cells()) : null;
                if (payment != null && payment.paidOn().isAfter(today)) {
                    rejections.add(new Rejected(rows.rowNumber(), PaymentRecord.PAID_ON, rows.cells().raw(PaymentRecord.PAID_ON),
                            "paid_in_future", List.of(today.toString())));
                    payment = null;
                    rejected++;
                } else if (payment == null) {
                    rejected++;
                    for (Problem p : rows.cells().problems()) {
                        rejections.add(Rejected.of(rows.rowNumber(), p));
                    }
                }
                if (payment != null) {
                    line.add(payment.paymentRef()).add(payment.accountRef()).add(payment.paidOn()).add(payment.amount())
                            .add(payment.channel()).add(rows.rowNumber());
                    line.end();
                    if (buffer.size() >= FLUSH_BYTES) {
                        in = in == null ? copy.copyIn("copy " + STAGING + " from stdin") : in;
                        flush(in, buffer);
                    }
                }
                if (rejections.size() >= REJECTION_BATCH) {
                    // One COPY at a time on a connection: end the staging copy to write the rejections.
                    in = endStaging(copy, in, buffer);
                    writeRejections(fileId, rejections);
                }
            }
            in = endStaging(copy, in, buffer);
            writeRejections(fileId, rejections);
        } catch (SQLException e) {
            throw new IllegalStateException("staging the payment file failed: " + e.getMessage(), e);
        } finally {
            if (in != null && in.isActive()) {
                try {
                    in.cancelCopy();
                } catch (SQLException ignored) {
                    // the transaction is rolled back anyway
                }
            }
        }
        jdbc.sql("analyze " + STAGING).update();
        return new Staged(read, rejected);
    }

    /**
     * Rejects, in SQL: a payment id that comes again later in the file (the first row stays), an
     * account that does not exist, a payment id already posted (by an earlier file, the API or an
     * import). Returns the rows rejected.
     */
    public long rejectInSql(long fileId, String label) {
        long duplicates = jdbc.sql("""
                        with dup_keys as (
                            select payment_ref from %1$s group by payment_ref having count(*) > 1
                        ), ranked as (
                            select s.row_no, row_number() over w as n, first_value(s.row_no) over w as first_row
                            from %1$s s join dup_keys using (payment_ref) window w as (partition by s.payment_ref order by s.row_no)
                        ), removed as (
                            delete from %1$s s using ranked r where r.n > 1 and s.row_no = r.row_no
                            returning s.row_no, s.payment_ref, r.first_row
                        )
                        insert into payment_file_rejection (file_id, row_no, column_no, column_name, value, code, args)
                        select ?, row_no, ?, ?, payment_ref, 'duplicate', array['payment_id', cast(first_row as text), ?] from removed"""
                        .formatted(STAGING))
                .params(fileId, PaymentRecord.PAYMENT_ID.index(), PaymentRecord.PAYMENT_ID.name(), label).update();
        long posted = jdbc.sql("""
                        with removed as (
                            delete from %1$s s using payment p where p.payment_ref = s.payment_ref
                            returning s.row_no, s.payment_ref, p.paid_on, p.amount
                        )
                        insert into payment_file_rejection (file_id, row_no, column_no, column_name, value, code, args)
                        select ?, row_no, ?, ?, payment_ref, 'already_posted', array[payment_ref, cast(paid_on as text), cast(amount as text)]
                        from removed""".formatted(STAGING))
                .params(fileId, PaymentRecord.PAYMENT_ID.index(), PaymentRecord.PAYMENT_ID.name()).update();
        long unknown = jdbc.sql("""
                        with removed as (
                            delete from %1$s s where not exists (select 1 from account a where a.account_ref = s.account_ref)
                            returning s.row_no, s.account_ref
                        )
                        insert into payment_file_rejection (file_id, row_no, column_no, column_name, value, code, args)
                        select ?, row_no, ?, ?, account_ref, 'unknown_account', array[account_ref] from removed""".formatted(STAGING))
                .params(fileId, PaymentRecord.ACCOUNT_ID.index(), PaymentRecord.ACCOUNT_ID.name()).update();
        return duplicates + posted + unknown;
    }

    /** Inserts the staged payments (by account, then date, then row), keeping what was inserted in {@link #POSTED}. */
    public long insertPayments(Instant now) {
        jdbc.sql("drop table if exists " + POSTED).update();
        jdbc.sql("create temporary table " + POSTED + " (id bigint, account_id bigint, paid_on date, amount bigint, payment_ref text, channel text)"
                + " on commit drop").update();
        return jdbc.sql("""
                        with inserted as (
                            insert into payment (payment_ref, account_id, paid_on, amount, channel, created_at, updated_at)
                            select s.payment_ref, a.id, s.paid_on, s.amount, s.channel, :now, :now
                            from %s s join account a on a.account_ref = s.account_ref
                            order by a.id, s.paid_on, s.row_no
                            returning id, account_id, paid_on, amount, payment_ref, channel
                        )
                        insert into %s select * from inserted""".formatted(STAGING, POSTED))
                .param("now", Timestamp.from(now)).update();
    }

    /** Copies what is buffered and ends the staging COPY (if one is open); returns null, the COPY that is now open. */
    private static CopyIn endStaging(CopyManager copy, CopyIn in, ByteArrayOutputStream buffer) throws SQLException {
        if (buffer.size() > 0) {
            in = in == null ? copy.copyIn("copy " + STAGING + " from stdin") : in;
            flush(in, buffer);
        }
        if (in != null) {
            in.endCopy();
        }
        return null;
    }

    private void writeRejections(long fileId, List<Rejected> rejections) {
        CopyRowWriter line = new CopyRowWriter(4096);
        for (Rejected r : rejections) {
            line.add(fileId).add(r.row()).add(r.column() == null ? -1 : r.column().index())
                    .add(r.column() == null ? null : r.column().name()).add(shorten(r.value()))
                    .add(r.code()).add(textArray(r.args()));
            line.end();
        }
        line.copyInto(dataSource, "payment_file_rejection (file_id, row_no, column_no, column_name, value, code, args)");
        rejections.clear();
    }

    /** A text[] literal, {"a","b"}, with quotes and backslashes escaped for the array; the COPY writer escapes the rest. */
    private static String textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i) == null ? "" : values.get(i);
            array.append(i == 0 ? "" : ",").append('"');
            for (char c : v.toCharArray()) {
                if (c == '"' || c == '\\') {
                    array.append('\\');
                }
                array.append(c);
            }
            array.append('"');
        }
        return array.append('}').toString();
    }

    private static String shorten(String value) {
        if (value == null) {
            return null;
        }
        String shown = value.length() <= 200 ? value : value.substring(0, 200) + "…";
        return shown.replace('\0', '\uFFFD');
    }

    private static void flush(CopyIn in, ByteArrayOutputStream buffer) throws SQLException {
        byte[] bytes = buffer.toByteArray();
        in.writeToCopy(bytes, 0, bytes.length);
        buffer.reset();
    }

    private CopyManager copyManager() {
        try {
            return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("payment files need a PostgreSQL connection", e);
        }
    }
}
