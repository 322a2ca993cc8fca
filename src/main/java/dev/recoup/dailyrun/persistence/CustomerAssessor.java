package dev.recoup.dailyrun.persistence;

import dev.recoup.shared.CopyRowReader;
import dev.recoup.shared.CopyRowWriter;

import dev.recoup.delinquency.domain.AccountStanding;
import dev.recoup.delinquency.domain.CustomerDelinquency;
import dev.recoup.delinquency.domain.Repayment;
import dev.recoup.delinquency.domain.TierPolicy;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 2 of the daily run: streams the run's account snapshot ordered by customer, assesses each
 * customer across their accounts (worst DPD, total overdue, good history, tier) and streams the
 * results into the customer snapshot — one transaction, redone whole if interrupted.
 */
@Component
public class CustomerAssessor {

    private static final int FLUSH_BYTES = 1 << 20;
    private final DataSource dataSource;

    public CustomerAssessor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of customers assessed */
    public int assess(long runId, LocalDate businessDate, TierPolicy policy) {
        try (Connection reader = dataSource.getConnection(); Connection writer = dataSource.getConnection()) {
            writer.setAutoCommit(false);
            try (var truncate = writer.createStatement()) {
                truncate.execute("truncate " + SnapshotTables.customers(runId));
            }
            CopyManager readCopy = reader.unwrap(PGConnection.class).getCopyAPI();
            CopyIn in = writer.unwrap(PGConnection.class).getCopyAPI().copyIn("copy " + SnapshotTables.customers(runId)
                    + " (run_id, business_date, customer_id, worst_days_past_due, bucket, tier, overdue_total, outstanding, accounts,"
                    + " overdue_accounts, good_history, repayment_trend, repayment_variation_bp) from stdin");
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
            CopyRowWriter line = new CopyRowWriter(buffer);
            Grouping grouping = new Grouping(line, runId, businessDate, policy, in, buffer);
            AccountChunkAssessor.copyOut(readCopy, "copy (select customer_id, days_past_due, overdue_total, outstanding, max_days_late_settled,"
                    + " repayments_made, repaid_on_1, repaid_amount_1, repaid_on_2, repaid_amount_2, repaid_on_3, repaid_amount_3 from "
                    + SnapshotTables.accounts(runId) + " order by customer_id) to stdout", grouping::accept);
            grouping.finish();
            flush(in, buffer);
            in.endCopy();
            writer.commit();
            return grouping.customers;
        } catch (SQLException e) {
            throw new IllegalStateException("Assessing customers of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /** Collects one customer's accounts from the sorted stream and writes the customer when the next one starts. */
    private static final class Grouping {
        private final CopyRowWriter line;
        private final long runId;
        private final LocalDate businessDate;
        private final TierPolicy policy;
        private final CopyIn in;
        private final ByteArrayOutputStream buffer;
        private final List<AccountStanding> accounts = new ArrayList<>();
        private long customerId = Long.MIN_VALUE;
        private int customers;

        Grouping(CopyRowWriter line, long runId, LocalDate businessDate, TierPolicy policy, CopyIn in, ByteArrayOutputStream buffer) {
            this.line = line;
            this.runId = runId;
            this.businessDate = businessDate;
            this.policy = policy;
            this.in = in;
            this.buffer = buffer;
        }

        void accept(CopyRowReader row) {
            long next = row.nextLong();
            if (next != customerId) {
                finish();
                flushIfFull(in, buffer);
            }
            customerId = next;
            accounts.add(standing(row));
        }

        void finish() {
            if (!accounts.isEmpty()) {
                write(line, runId, businessDate, customerId, CustomerDelinquency.of(accounts, policy));
                customers++;
                accounts.clear();
            }
        }
    }

    private static AccountStanding standing(CopyRowReader row) {
        int dpd = row.nextInt();
        long overdue = row.nextLong();
        long outstanding = row.nextLong();
        int maxDaysLate = row.nextInt();
        int repaymentsMade = row.nextInt();
        List<Repayment> last = new ArrayList<>(3);
        for (int k = 0; k < 3; k++) {
            long on = row.nextEpochDay();
            long amount = row.nextLong();
            if (on != CopyRowReader.NULL) {
                last.add(new Repayment(LocalDate.ofEpochDay(on), amount));
            }
        }
        return new AccountStanding(dpd, overdue, outstanding, maxDaysLate, repaymentsMade, last);
    }

    private static void write(CopyRowWriter line, long runId, LocalDate businessDate, long customerId, CustomerDelinquency c) {
        line.add(runId).add(businessDate).add(customerId).add(c.worstDaysPastDue()).add(c.bucket().code()).add(c.tier())
                .add(c.overdueTotal()).add(c.outstanding()).add(c.accounts()).add(c.overdueAccounts()).add(c.goodHistory())
                .add(c.trend().direction()).add(c.trend().variationBasisPoints());
        line.end();
    }

    private static void flushIfFull(CopyIn in, ByteArrayOutputStream buffer) {
        if (buffer.size() >= FLUSH_BYTES) {
            flush(in, buffer);
        }
    }

    private static void flush(CopyIn in, ByteArrayOutputStream buffer) {
        try {
            byte[] bytes = buffer.toByteArray();
            in.writeToCopy(bytes, 0, bytes.length);
            buffer.reset();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
