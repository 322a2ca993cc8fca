package dev.recoup.dailyrun.persistence;

import dev.recoup.delinquency.domain.AccountDelinquency;
import dev.recoup.delinquency.domain.Instalment;
import dev.recoup.delinquency.domain.PaidInstalment;
import dev.recoup.delinquency.domain.Repayment;
import dev.recoup.shared.CopyRowReader;
import dev.recoup.shared.CopyRowWriter;
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
 * with what the payments journal allocated to them, and payments out (index range scans in id
 * order), assess each account with the plain-Java domain, COPY the results into the run's snapshot, and mark the chunk done — all in one
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            CopyRowWriter line = new CopyRowWriter(out);
            int accounts = assess(copy, Accounts.between(firstAccountId, lastAccountId), businessDate, businessDate,
                    (accountId, customerId, d) -> write(line, runId, businessDate, accountId, customerId, d));
            copy.copyIn("copy " + SnapshotTables.accounts(runId) + " (" + COLUMNS + ") from stdin", new ByteArrayInputStream(out.toByteArray()));
            try (var done = connection.prepareStatement("update daily_run_chunk set done = true, accounts = ? where run_id = ? and chunk_no = ?");
                 var progress = connection.prepareStatement("update daily_run set accounts_done = accounts_done + ? where id = ?")) {
                done.setInt(1, accounts);
                done.setLong(2, runId);
                done.setInt(3, chunkNo);
                done.executeUpdate();
                progress.setInt(1, accounts);
                progress.setLong(2, runId);
                progress.executeUpdate();
            }
            connection.commit();
            return accounts;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Assessing accounts " + firstAccountId + "–" + lastAccountId + " of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Which accounts to assess: a range of ids (the daily run's chunks: inlined, read with COPY and
     * range scans), or a list (a posting's accounts: {@code = any(?)} with the ids bound as an array,
     * so the statements are prepared once per connection and planned as index scans — PostgreSQL 17
     * walks the array keys along the index — however many accounts there are).
     *
     * @param ids the list, or null for a range
     */
    public record Accounts(String condition, Long[] ids) {

        static Accounts between(long first, long last) {
            return new Accounts("%1$s between " + first + " and " + last, null);
        }

        public static Accounts of(java.util.Collection<Long> ids) {
            return new Accounts(null, new java.util.TreeSet<>(ids).toArray(Long[]::new));
        }

        String on(String column) {
            return condition.formatted(column);
        }

        /**
         * The statement that reads the rows of {@code table} (aliased {@code alias}) for these
         * accounts: for a list, through LATERAL per account ({@code offset 0} keeps it one index lookup
         * per account; a join or {@code = any(?)} would bitmap-scan and sort far more than it uses).
         */
        String select(String columns, String table, String alias, String rest, String orderBy) {
            if (ids == null) {
                return "select " + columns + " from " + table + " " + alias + " where " + on(alias + ".account_id") + rest + " order by " + orderBy;
            }
            return "select " + columns + " from unnest(cast(? as bigint[])) as w(account_id) cross join lateral (select * from " + table + " "
                    + alias + " where " + alias + ".account_id = w.account_id" + rest + " offset 0) " + alias + " order by " + orderBy;
        }
    }

    /** Up to this many accounts (an API payment's one), the reads are prepared statements in one round trip; beyond, COPY. */
    private static final int PREPARED_UP_TO = 100;

    /** One row being read, field by field: a COPY row or a JDBC result row. */
    interface Row {
        long nextLong();

        /** A date as epoch days, or {@link CopyRowReader#NULL}. */
        long nextEpochDay();
    }

    /** Runs a select and hands over its rows. */
    private interface Rows {
        /** Runs the selects (in order) and hands each one's rows to its consumer. */
        void read(List<String> selects, List<Consumer<Row>> consumers) throws SQLException;
    }

    /** Receives one assessed account. */
    public interface Assessed {
        void accept(long accountId, long customerId, AccountDelinquency delinquency);
    }

    /**
     * Reads the selected accounts with COPY (ordered by id) — their schedule with what the payments
     * journal says each instalment was paid (ADR 0012: the allocations made when payments were
     * posted, not a replay), the credit, and the repayments not reversed — and assesses each on the
     * business date. Payments and allocations count up to {@code paidUpTo} (the business date for the
     * daily run; up to today for the intraday update of the current snapshot).
     *
     * @return the number of accounts assessed
     */
    public static int assess(CopyManager copy, Accounts accounts, LocalDate businessDate, LocalDate paidUpTo, Assessed each) throws SQLException {
        return assess((selects, consumers) -> {
            for (int q = 0; q < selects.size(); q++) {
                copyOutRows(copy, "copy (" + selects.get(q) + ") to stdout", consumers.get(q));
            }
        }, accounts, businessDate, paidUpTo, each);
    }

    /** The same for a list of accounts ({@link Accounts#of}), with prepared statements on the caller's connection. */
    public static int assess(Connection connection, Accounts accounts, LocalDate businessDate, LocalDate paidUpTo, Assessed each) throws SQLException {
        if (accounts.ids().length > PREPARED_UP_TO) {
            // Many accounts (a file's chunk): COPY reads rows faster than a result set; the ids go in as a literal.
            String literal = "'{" + java.util.Arrays.stream(accounts.ids()).map(String::valueOf).collect(java.util.stream.Collectors.joining(","))
                    + "}'::bigint[]";
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            return assess((selects, consumers) -> {
                for (int q = 0; q < selects.size(); q++) {
                    copyOutRows(copy, "copy (" + selects.get(q).replace("cast(? as bigint[])", literal) + ") to stdout", consumers.get(q));
                }
            }, accounts, businessDate, paidUpTo, each);
        }
        java.sql.Array ids = connection.createArrayOf("bigint", accounts.ids());
        // All selects in one round trip (the driver sends them together and reads their results in turn).
        return assess((selects, consumers) -> {
            String all = String.join(";\n", selects);
            try (var statement = connection.prepareStatement(all)) {
                int parameters = (int) all.chars().filter(c -> c == '?').count();
                for (int k = 1; k <= parameters; k++) {
                    statement.setArray(k, ids);
                }
                boolean results = statement.execute();
                for (int q = 0; q < selects.size(); q++) {
                    if (!results) {
                        throw new IllegalStateException("expected the rows of " + selects.get(q));
                    }
                    try (var rs = statement.getResultSet()) {
                        ResultRow row = new ResultRow(rs);
                        while (rs.next()) {
                            consumers.get(q).accept(row.reset());
                        }
                    }
                    results = statement.getMoreResults();
                }
            }
        }, accounts, businessDate, paidUpTo, each);
    }

    /** A JDBC result row read field by field, like a COPY row. */
    private static final class ResultRow implements Row {
        private final java.sql.ResultSet rs;
        private int column;

        ResultRow(java.sql.ResultSet rs) {
            this.rs = rs;
        }

        ResultRow reset() {
            column = 0;
            return this;
        }

        @Override
        public long nextLong() {
            try {
                long value = rs.getLong(++column);
                return rs.wasNull() ? CopyRowReader.NULL : value;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public long nextEpochDay() {
            try {
                LocalDate date = rs.getObject(++column, LocalDate.class);
                return date == null ? CopyRowReader.NULL : date.toEpochDay();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static int assess(Rows read, Accounts accounts, LocalDate businessDate, LocalDate paidUpTo, Assessed each) throws SQLException {
        Columns.Longs accountIds = new Columns.Longs(), customerIds = new Columns.Longs();
        List<String> selects = new ArrayList<>();
        List<Consumer<Row>> consumers = new ArrayList<>();
        selects.add(accounts.ids() == null ? "select id, customer_id from account where " + accounts.on("id") + " order by id"
                : "select a.id, a.customer_id from unnest(cast(? as bigint[])) as w(id) cross join lateral"
                + " (select a.id, a.customer_id from account a where a.id = w.id offset 0) a order by a.id");
        consumers.add(row -> {
            accountIds.add(row.nextLong());
            customerIds.add(row.nextLong());
        });
        Columns.Longs iAccount = new Columns.Longs(), iSeq = new Columns.Longs(), iDue = new Columns.Longs(),
                iPrincipal = new Columns.Longs(), iInterest = new Columns.Longs(), iFee = new Columns.Longs(), iPenalty = new Columns.Longs(),
                pdPrincipal = new Columns.Longs(), pdInterest = new Columns.Longs(), pdFee = new Columns.Longs(), pdPenalty = new Columns.Longs(),
                pdLast = new Columns.Longs();
        String paidByInstalment = accounts.ids() == null
                ? "select i.account_id, i.seq, i.due_date, i.principal_due, i.interest_due, i.fee_due, i.penalty_due,"
                + " coalesce(j.principal, 0), coalesce(j.interest, 0), coalesce(j.fee, 0), coalesce(j.penalty, 0), j.last_on"
                + " from instalment i left join (select account_id, seq, sum(principal) as principal, sum(interest) as interest, sum(fee) as fee,"
                + "   sum(penalty) as penalty, max(effective_on) as last_on from payment_allocation"
                + "   where " + accounts.on("account_id") + " and seq is not null and effective_on <= '" + paidUpTo + "' group by account_id, seq) j"
                + " on j.account_id = i.account_id and j.seq = i.seq"
                + " where " + accounts.on("i.account_id") + " order by i.account_id, i.seq"
                : "select x.* from unnest(cast(? as bigint[])) as w(account_id) cross join lateral"
                + " (select i.account_id, i.seq, i.due_date, i.principal_due, i.interest_due, i.fee_due, i.penalty_due,"
                + "  coalesce(sum(j.principal), 0), coalesce(sum(j.interest), 0), coalesce(sum(j.fee), 0), coalesce(sum(j.penalty), 0),"
                + "  max(j.effective_on) from instalment i left join payment_allocation j"
                + "  on j.account_id = i.account_id and j.seq = i.seq and j.effective_on <= '" + paidUpTo + "'"
                + "  where i.account_id = w.account_id group by i.account_id, i.seq offset 0) x order by 1, 2";
        selects.add(paidByInstalment);
        consumers.add(row -> {
            iAccount.add(row.nextLong());
            iSeq.add(row.nextLong());
            iDue.add(row.nextEpochDay());
            iPrincipal.add(row.nextLong());
            iInterest.add(row.nextLong());
            iFee.add(row.nextLong());
            iPenalty.add(row.nextLong());
            pdPrincipal.add(row.nextLong());
            pdInterest.add(row.nextLong());
            pdFee.add(row.nextLong());
            pdPenalty.add(row.nextLong());
            pdLast.add(row.nextEpochDay());
        });
        Columns.Longs cAccount = new Columns.Longs(), cAmount = new Columns.Longs();
        selects.add(accounts.ids() == null ? "select account_id, sum(credit) from payment_allocation where " + accounts.on("account_id")
                + " and seq is null and effective_on <= '" + paidUpTo + "' group by account_id order by account_id"
                : "select w.account_id, x.credit from unnest(cast(? as bigint[])) as w(account_id) cross join lateral"
                + " (select sum(c.credit) as credit from payment_allocation c where c.account_id = w.account_id and c.seq is null"
                + " and c.effective_on <= '" + paidUpTo + "' offset 0) x where x.credit is not null order by 1");
        consumers.add(row -> {
            cAccount.add(row.nextLong());
            cAmount.add(row.nextLong());
        });
        Columns.Longs pAccount = new Columns.Longs(), pOn = new Columns.Longs(), pAmount = new Columns.Longs();
        selects.add(accounts.select("p.account_id, p.paid_on, p.amount", "payment", "p", " and p.paid_on <= '" + paidUpTo
                + "' and not exists (select 1 from payment_reversal r where r.payment_id = p.id)", "p.account_id, p.paid_on, p.id"));
        consumers.add(row -> {
            pAccount.add(row.nextLong());
            pOn.add(row.nextEpochDay());
            pAmount.add(row.nextLong());
        });
        read.read(selects, consumers);

        int i = 0, c = 0, p = 0;
        List<PaidInstalment> schedule = new ArrayList<>();
        List<Repayment> repayments = new ArrayList<>();
        for (int a = 0; a < accountIds.size(); a++) {
            long accountId = accountIds.get(a);
            schedule.clear();
            repayments.clear();
            for (; i < iAccount.size() && iAccount.get(i) <= accountId; i++) {
                if (iAccount.get(i) == accountId) {
                    schedule.add(paid(new Instalment((int) iSeq.get(i), LocalDate.ofEpochDay(iDue.get(i)), iPrincipal.get(i), iInterest.get(i),
                            iFee.get(i), iPenalty.get(i)), pdFee.get(i), pdPenalty.get(i), pdInterest.get(i), pdPrincipal.get(i), pdLast.get(i)));
                }
            }
            long credit = 0;
            for (; c < cAccount.size() && cAccount.get(c) <= accountId; c++) {
                if (cAccount.get(c) == accountId) {
                    credit = cAmount.get(c);
                }
            }
            long paidMoney = 0;
            for (; p < pAccount.size() && pAccount.get(p) <= accountId; p++) {
                if (pAccount.get(p) == accountId) {
                    repayments.add(new Repayment(LocalDate.ofEpochDay(pOn.get(p)), pAmount.get(p)));
                    paidMoney += pAmount.get(p);
                }
            }
            each.accept(accountId, customerIds.get(a), AccountDelinquency.of(schedule, paidMoney - credit, credit, repayments, businessDate));
        }
        return accountIds.size();
    }

    /**
     * An instalment with what the journal allocated to it. A component can hold more than it now
     * owes only if an import lowered the due after it was paid; what is beyond the due counts as paid
     * in full (the excess is not owed back here).
     */
    private static PaidInstalment paid(Instalment due, long fee, long penalty, long interest, long principal, long lastOn) {
        PaidInstalment paid = new PaidInstalment(due, Math.min(fee, due.fee()), Math.min(penalty, due.penalty()),
                Math.min(interest, due.interest()), Math.min(principal, due.principal()), null);
        LocalDate settledOn = paid.fullyPaid() && lastOn != CopyRowReader.NULL ? LocalDate.ofEpochDay(lastOn) : null;
        return new PaidInstalment(due, paid.feePaid(), paid.penaltyPaid(), paid.interestPaid(), paid.principalPaid(), settledOn);
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

    /** {@link #copyOut} for the readers that take any {@link Row} (COPY or JDBC). */
    private static void copyOutRows(CopyManager copy, String sql, Consumer<Row> each) throws SQLException {
        var row = new Row() {
            CopyRowReader reader;

            @Override
            public long nextLong() {
                return reader.nextLong();
            }

            @Override
            public long nextEpochDay() {
                return reader.nextEpochDay();
            }
        };
        copyOut(copy, sql, reader -> {
            row.reader = reader;
            each.accept(row);
        });
    }
}
