package dev.recoup.support;

import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.AllocationOrder;
import dev.recoup.payments.persistence.AllocationJournal;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Instant;

import java.time.LocalDate;

/** Puts portfolio rows straight into the database, for tests of what comes after the import. */
public final class PortfolioFixture {

    private final JdbcClient jdbc;
    private int payments;

    public PortfolioFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public PortfolioFixture customer(String ref) {
        jdbc.sql("insert into customer (customer_ref, name) values (?, ?)").params(ref, "客户" + ref).update();
        return this;
    }

    /** An account with monthly instalments of {@code instalmentYuan} principal from {@code firstDue}. */
    public PortfolioFixture account(String ref, String customerRef, String firstDue, int instalments, long instalmentYuan) {
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                select ?, id, 'consumer_loan', 'CNY', ?, 0.18, ?::date - interval '1 month' from customer where customer_ref = ?""")
                .params(ref, instalments * instalmentYuan * 100, LocalDate.parse(firstDue), customerRef).update();
        for (int k = 0; k < instalments; k++) {
            jdbc.sql("""
                    insert into instalment (account_id, seq, due_date, principal_due, interest_due, fee_due, penalty_due)
                    select id, ?, ?, ?, 0, 0, 0 from account where account_ref = ?""")
                    .params(k + 1, LocalDate.parse(firstDue).plusMonths(k), instalmentYuan * 100, ref).update();
        }
        return this;
    }

    /**
     * A payment as the payments module records one: the row, and its allocation in the journal
     * (default order, against what the schedule still owes), so the daily run sees it.
     */
    public PortfolioFixture payment(String accountRef, String paidOn, long yuan) {
        paymentFen(accountRef, LocalDate.parse(paidOn), yuan * 100, "PAY-" + accountRef + "-" + (++payments));
        return this;
    }

    /** {@link #payment} in fen with its reference; returns the payment's id. */
    public long paymentFen(String accountRef, LocalDate paidOn, long fen, String paymentRef) {
        long accountId = jdbc.sql("select id from account where account_ref = ?").param(accountRef).query(Long.class).single();
        long paymentId = jdbc.sql("insert into payment (payment_ref, account_id, paid_on, amount, channel) values (?, ?, ?, ?, 'bank') returning id")
                .params(paymentRef, accountId, paidOn, fen).query(Long.class).single();
        AllocationJournal journal = new AllocationJournal(jdbc);
        Allocation allocation = Allocation.pour(journal.openSchedule(accountId), fen, AllocationOrder.DEFAULT);
        journal.appendPayment(paymentId, accountId, allocation.lines(), allocation.rest(), paidOn, Instant.now());
        return paymentId;
    }
}
