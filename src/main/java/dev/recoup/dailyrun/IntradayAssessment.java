package dev.recoup.dailyrun;

import dev.recoup.dailyrun.persistence.AccountChunkAssessor;
import dev.recoup.dailyrun.persistence.AccountChunkAssessor.Accounts;
import dev.recoup.dailyrun.persistence.SnapshotTables;
import dev.recoup.delinquency.domain.AccountDelinquency;
import dev.recoup.delinquency.domain.AccountStanding;
import dev.recoup.delinquency.domain.CustomerDelinquency;
import dev.recoup.delinquency.domain.Repayment;
import dev.recoup.delinquency.domain.TierPolicy;
import dev.recoup.payments.AdjustmentPosted;
import dev.recoup.payments.PaymentReversed;
import dev.recoup.payments.PaymentsPosted;
import dev.recoup.payments.PostedPayment;
import dev.recoup.shared.BusinessClock;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Money posted during the day shows at once (R18): when payments, a reversal or an adjustment are
 * posted, the accounts they touch are assessed again — by the daily run's own code, from the
 * journal, as of the snapshot's business date with every payment known now — and their rows in the
 * current snapshot (the latest completed run's account and customer status) are replaced, inside the
 * posting's transaction. Cases, the case page, the API and strategies read that snapshot, so an
 * account's and a case's overdue and outstanding amounts drop with the payment. Opening and closing
 * cases and bucket history stay the nightly run's work. A run between its account assessment and
 * its completion is amended too, so the payment is not lost when that run becomes current.
 * Runs before other listeners of these events, so they see the amended snapshot.
 */
@Component
class IntradayAssessment {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IntradayAssessment.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DailyRunProperties properties;
    private final BusinessClock clock;

    IntradayAssessment(JdbcClient jdbc, DataSource dataSource, DailyRunProperties properties, BusinessClock clock) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.properties = properties;
        this.clock = clock;
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void paymentsPosted(PaymentsPosted posted) {
        Set<Long> accounts = new LinkedHashSet<>();
        for (PostedPayment p : posted.payments()) {
            accounts.add(p.accountId());
        }
        reassess(accounts);
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void paymentReversed(PaymentReversed reversed) {
        reassess(List.of(reversed.accountId()));
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void adjustmentPosted(AdjustmentPosted adjusted) {
        reassess(List.of(adjusted.accountId()));
    }

    private record Target(long id, LocalDate businessDate) {
    }

    void reassess(Collection<Long> accountIds) {
        if (accountIds.isEmpty()) {
            return;
        }
        List<Target> targets = jdbc.sql("""
                        (select id, business_date from daily_run where status = 'COMPLETED' and superseded_by is null
                         order by business_date desc, id desc limit 1)
                        union
                        select r.id, r.business_date from daily_run r where r.status = 'RUNNING'
                          and exists (select 1 from daily_run_step s where s.run_id = r.id and s.step = 'assess-accounts' and s.finished_at is not null)""")
                .query(Target.class).list();
        for (Target target : targets) {
            amend(target, accountIds);
        }
    }

    private void amend(Target run, Collection<Long> accountIds) {
        LocalDate today = clock.today();
        LocalDate paidUpTo = today.isAfter(run.businessDate()) ? today : run.businessDate();
        List<Long> ids = new ArrayList<>();
        List<AccountDelinquency> results = new ArrayList<>();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            long t0 = System.nanoTime();
            AccountChunkAssessor.assess(connection, Accounts.of(accountIds), run.businessDate(), paidUpTo,
                    (accountId, customerId, d) -> {
                        ids.add(accountId);
                        results.add(d);
                    });
            long t1 = System.nanoTime();
            List<Standing> standings = updateAccounts(connection, run.id(), ids, results);
            long t2 = System.nanoTime();
            updateCustomers(connection, run, standings);
            if (log.isDebugEnabled()) {
                log.debug("intraday: {} accounts of run {} assessed in {} ms, accounts updated in {} ms, customers in {} ms", ids.size(), run.id(),
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Updating the current snapshot after a posting failed: " + e.getMessage(), e);
        }
    }

    private List<Standing> updateAccounts(Connection connection, long runId, List<Long> ids, List<AccountDelinquency> results) throws SQLException {
        int n = ids.size();
        Long[] id = ids.toArray(Long[]::new);
        Integer[] dpd = new Integer[n], maxLate = new Integer[n], made = new Integer[n];
        String[] bucket = new String[n];
        Date[] oldest = new Date[n], on1 = new Date[n], on2 = new Date[n], on3 = new Date[n];
        Long[] principal = new Long[n], interest = new Long[n], fee = new Long[n], penalty = new Long[n], total = new Long[n],
                outstanding = new Long[n], paid = new Long[n], credit = new Long[n], amount1 = new Long[n], amount2 = new Long[n], amount3 = new Long[n];
        for (int k = 0; k < n; k++) {
            AccountDelinquency d = results.get(k);
            dpd[k] = d.daysPastDue();
            bucket[k] = d.bucket().code();
            oldest[k] = d.oldestUnpaidDueDate() == null ? null : Date.valueOf(d.oldestUnpaidDueDate());
            principal[k] = d.overduePrincipal();
            interest[k] = d.overdueInterest();
            fee[k] = d.overdueFee();
            penalty[k] = d.overduePenalty();
            total[k] = d.overdueTotal();
            outstanding[k] = d.outstanding();
            paid[k] = d.paid();
            credit[k] = d.credit();
            maxLate[k] = d.maxDaysLateSettled();
            made[k] = d.repaymentsMade();
            List<Repayment> last = d.lastRepayments();
            on1[k] = last.size() > 0 ? Date.valueOf(last.get(0).paidOn()) : null;
            amount1[k] = last.size() > 0 ? last.get(0).amount() : null;
            on2[k] = last.size() > 1 ? Date.valueOf(last.get(1).paidOn()) : null;
            amount2[k] = last.size() > 1 ? last.get(1).amount() : null;
            on3[k] = last.size() > 2 ? Date.valueOf(last.get(2).paidOn()) : null;
            amount3[k] = last.size() > 2 ? last.get(2).amount() : null;
        }
        // The update and the reading of the customers' accounts in one statement: the updated rows as RETURNING gives them,
        // the customers' other accounts as they are.
        String standing = "customer_id, days_past_due, overdue_total, outstanding, max_days_late_settled, repayments_made,"
                + " repaid_on_1, repaid_amount_1, repaid_on_2, repaid_amount_2, repaid_on_3, repaid_amount_3";
        String table = SnapshotTables.accounts(runId);
        List<Standing> standings = new ArrayList<>();
        jdbc.sql("""
                        with updated as (
                            update %1$s t set days_past_due = s.dpd, bucket = s.bucket, oldest_unpaid_due_date = s.oldest,
                                   overdue_principal = s.principal, overdue_interest = s.interest, overdue_fee = s.fee, overdue_penalty = s.penalty,
                                   overdue_total = s.total, outstanding = s.outstanding, paid = s.paid, credit = s.credit,
                                   max_days_late_settled = s.max_late, repayments_made = s.made,
                                   repaid_on_1 = s.on1, repaid_amount_1 = s.amount1, repaid_on_2 = s.on2, repaid_amount_2 = s.amount2,
                                   repaid_on_3 = s.on3, repaid_amount_3 = s.amount3
                            from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                                 as s(account_id, dpd, bucket, oldest, principal, interest, fee, penalty, total, outstanding, paid, credit,
                                      max_late, made, on1, amount1, on2, amount2, on3, amount3)
                            where t.account_id = s.account_id
                            returning t.account_id, %3$s
                        )
                        select %2$s from updated
                        union all
                        select %2$s from %1$s o
                        where o.customer_id in (select customer_id from updated) and o.account_id not in (select account_id from updated)
                        order by customer_id""".formatted(table, standing, "t." + standing.replace(", ", ", t.")))
                .params(array(connection, "bigint", id), array(connection, "integer", dpd), array(connection, "text", bucket),
                        array(connection, "date", oldest), array(connection, "bigint", principal), array(connection, "bigint", interest),
                        array(connection, "bigint", fee), array(connection, "bigint", penalty), array(connection, "bigint", total),
                        array(connection, "bigint", outstanding), array(connection, "bigint", paid), array(connection, "bigint", credit),
                        array(connection, "integer", maxLate), array(connection, "integer", made), array(connection, "date", on1),
                        array(connection, "bigint", amount1), array(connection, "date", on2), array(connection, "bigint", amount2),
                        array(connection, "date", on3), array(connection, "bigint", amount3))
                .query(rs -> {
                    List<Repayment> last = new ArrayList<>(3);
                    for (int k = 0; k < 3; k++) {
                        LocalDate on = rs.getObject(7 + 2 * k, LocalDate.class);
                        if (on != null) {
                            last.add(new Repayment(on, rs.getLong(8 + 2 * k)));
                        }
                    }
                    standings.add(new Standing(rs.getLong(1), new AccountStanding(rs.getInt(2), rs.getLong(3), rs.getLong(4), rs.getInt(5),
                            rs.getInt(6), last)));
                });
        return standings;
    }

    /** One account of a customer, as the customer assessment needs it. */
    private record Standing(long customerId, AccountStanding account) {
    }

    /** The customers of the amended accounts, assessed again across all their accounts in the snapshot (ordered by customer). */
    private void updateCustomers(Connection connection, Target run, List<Standing> standings) throws SQLException {
        TierPolicy policy = properties.tier().policy();
        List<Long> ids = new ArrayList<>();
        List<CustomerDelinquency> results = new ArrayList<>();
        List<AccountStanding> accounts = new ArrayList<>();
        for (int k = 0; k < standings.size(); k++) {
            accounts.add(standings.get(k).account());
            if (k == standings.size() - 1 || standings.get(k + 1).customerId() != standings.get(k).customerId()) {
                ids.add(standings.get(k).customerId());
                results.add(CustomerDelinquency.of(accounts, policy));
                accounts.clear();
            }
        }
        int n = ids.size();
        Integer[] worst = new Integer[n], count = new Integer[n], overdueAccounts = new Integer[n], variation = new Integer[n];
        String[] bucket = new String[n], tier = new String[n], trend = new String[n];
        Long[] overdue = new Long[n], outstanding = new Long[n];
        Boolean[] good = new Boolean[n];
        for (int k = 0; k < n; k++) {
            CustomerDelinquency c = results.get(k);
            worst[k] = c.worstDaysPastDue();
            bucket[k] = c.bucket().code();
            tier[k] = c.tier() == null ? null : c.tier().name();
            overdue[k] = c.overdueTotal();
            outstanding[k] = c.outstanding();
            count[k] = c.accounts();
            overdueAccounts[k] = c.overdueAccounts();
            good[k] = c.goodHistory();
            trend[k] = c.trend().direction().name();
            variation[k] = c.trend().variationBasisPoints();
        }
        jdbc.sql("""
                        update %s t set worst_days_past_due = s.worst, bucket = s.bucket, tier = s.tier, overdue_total = s.overdue,
                               outstanding = s.outstanding, accounts = s.accounts, overdue_accounts = s.overdue_accounts, good_history = s.good,
                               repayment_trend = s.trend, repayment_variation_bp = s.variation
                        from unnest(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                             as s(customer_id, worst, bucket, tier, overdue, outstanding, accounts, overdue_accounts, good, trend, variation)
                        where t.customer_id = s.customer_id""".formatted(SnapshotTables.customers(run.id())))
                .params(array(connection, "bigint", ids.toArray(Long[]::new)), array(connection, "integer", worst), array(connection, "text", bucket),
                        array(connection, "text", tier), array(connection, "bigint", overdue), array(connection, "bigint", outstanding),
                        array(connection, "integer", count), array(connection, "integer", overdueAccounts), array(connection, "boolean", good),
                        array(connection, "text", trend), array(connection, "integer", variation))
                .update();
    }

    private static Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }
}
