package dev.recoup.dailyrun.persistence;

import dev.recoup.shared.CopyRowReader;
import dev.recoup.shared.CopyRowWriter;

import dev.recoup.delinquency.domain.AccountDelinquency;
import dev.recoup.delinquency.domain.Instalment;
import dev.recoup.delinquency.domain.Repayment;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Phase 1 of the daily run, for one chunk of account ids: COPY the chunk's accounts, instalments
 * and payments out (index range scans in id order), assess each account with the plain-Java
 * domain, COPY the results into the run's snapshot, and mark the chunk done — all in one
 * transaction, so a crash leaves a chunk either fully done or not at all.
 */
@Component
public class AccountChunkAssessor {

    private static final String COLUMNS = "run_id, business_date, account_id, customer_id, days_past_due, bucket, oldest_unpaid_due_date, "
            + "overdue_principal, overdue_interest, overdue_fee, overdue_penalty, overdue_total, outstanding, paid, credit, "
            + "max_days_late_settled, repayments_made, repaid_on_1, repaid_amount_1, repaid_on_2, repaid_amount_2, repaid_on_3, repaid_amount_3";

    private final DataSource dataSource;

    public AccountChunkAssessor(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** @return the number of accounts assessed */
    public int assess(long runId, LocalDate businessDate, int chunkNo, long firstAccountId, long lastAccountId) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String range = " between " + firstAccountId + " and " + lastAccountId;

            Columns.Longs accountIds = new Columns.Longs(), customerIds = new Columns.Longs();
            copyOut(copy, "copy (select id, customer_id from account where id" + range + " order by id) to stdout", row -> {
                accountIds.add(row.nextLong());
                customerIds.add(row.nextLong());
            });
            Columns.Longs iAccount = new Columns.Longs(), iSeq = new Columns.Longs(), iDue = new Columns.Longs(),
                    iPrincipal = new Columns.Longs(), iInterest = new Columns.Longs(), iFee = new Columns.Longs(), iPenalty = new Columns.Longs();
            copyOut(copy, "copy (select account_id, seq, due_date, principal_due, interest_due, fee_due, penalty_due from instalment"
                    + " where account_id" + range + " order by account_id, seq) to stdout", row -> {
                iAccount.add(row.nextLong());
                iSeq.add(row.nextLong());
                iDue.add(row.nextEpochDay());
                iPrincipal.add(row.nextLong());
                iInterest.add(row.nextLong());
                iFee.add(row.nextLong());
                iPenalty.add(row.nextLong());
            });
            Columns.Longs pAccount = new Columns.Longs(), pOn = new Columns.Longs(), pAmount = new Columns.Longs();
            copyOut(copy, "copy (select account_id, paid_on, amount from payment where account_id" + range
                    + " and paid_on <= '" + businessDate + "' order by account_id, paid_on, id) to stdout", row -> {
                pAccount.add(row.nextLong());
                pOn.add(row.nextEpochDay());
                pAmount.add(row.nextLong());
            });

            ByteArrayOutputStream out = new ByteArrayOutputStream(accountIds.size() * 160);
            CopyRowWriter line = new CopyRowWriter(out);
            int i = 0, p = 0;
            List<Instalment> schedule = new ArrayList<>();
            List<Repayment> repayments = new ArrayList<>();
            for (int a = 0; a < accountIds.size(); a++) {
                long accountId = accountIds.get(a);
                schedule.clear();
                repayments.clear();
                for (; i < iAccount.size() && iAccount.get(i) <= accountId; i++) {
                    if (iAccount.get(i) == accountId) {
                        schedule.add(new Instalment((int) iSeq.get(i), LocalDate.ofEpochDay(iDue.get(i)), iPrincipal.get(i), iInterest.get(i),
                                iFee.get(i), iPenalty.get(i)));
                    }
                }
                for (; p < pAccount.size() && pAccount.get(p) <= accountId; p++) {
                    if (pAccount.get(p) == accountId) {
                        repayments.add(new Repayment(LocalDate.ofEpochDay(pOn.get(p)), pAmount.get(p)));
                    }
                }
                write(line, runId, businessDate, accountId, customerIds.get(a), AccountDelinquency.assess(schedule, repayments, businessDate));
            }
            copy.copyIn("copy " + SnapshotTables.accounts(runId) + " (" + COLUMNS + ") from stdin", new ByteArrayInputStream(out.toByteArray()));
            try (var done = connection.prepareStatement("update daily_run_chunk set done = true, accounts = ? where run_id = ? and chunk_no = ?");
                 var progress = connection.prepareStatement("update daily_run set accounts_done = accounts_done + ? where id = ?")) {
                done.setInt(1, accountIds.size());
                done.setLong(2, runId);
                done.setInt(3, chunkNo);
                done.executeUpdate();
                progress.setInt(1, accountIds.size());
                progress.setLong(2, runId);
                progress.executeUpdate();
            }
            connection.commit();
            return accountIds.size();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Assessing accounts " + firstAccountId + "–" + lastAccountId + " of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    private static void write(CopyRowWriter line, long runId, LocalDate businessDate, long accountId, long customerId, AccountDelinquency d) {
        line.add(runId).add(businessDate).add(accountId).add(customerId).add(d.daysPastDue()).add(d.bucket().code())
                .add(d.oldestUnpaidDueDate()).add(d.overduePrincipal()).add(d.overdueInterest()).add(d.overdueFee())
                .add(d.overduePenalty()).add(d.overdueTotal()).add(d.outstanding()).add(d.paid()).add(d.credit())
                .add(d.maxDaysLateSettled()).add(d.repaymentsMade());
        for (int k = 0; k < 3; k++) {
            Repayment r = k < d.lastRepayments().size() ? d.lastRepayments().get(k) : null;
            line.add(r == null ? null : r.paidOn()).add(r == null ? null : (Object) r.amount());
        }
        line.end();
    }

    static void copyOut(CopyManager copy, String sql, Consumer<CopyRowReader> each) throws SQLException {
        CopyOut out = copy.copyOut(sql);
        CopyRowReader row = new CopyRowReader();
        byte[] bytes;
        while ((bytes = out.readFromCopy()) != null) {
            each.accept(row.reset(bytes));
        }
    }
}
