package dev.recoup.dailyrun.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * The set-based parts of the daily run: the run's snapshot partitions, their indexes, the history
 * of moves against the previous run, and dropping snapshots no longer needed. Run ids are inlined
 * (they are longs) so PostgreSQL prunes to the right partitions at plan time.
 */
@Component
public class StatusSnapshots {

    private final JdbcClient jdbc;

    public StatusSnapshots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Pages are left 10% free: payments posted during the day rewrite the current snapshot's rows of
     * their accounts and customers (ADR 0012), and with room on the page PostgreSQL updates them in
     * place of the page (HOT), without touching the indexes.
     */
    public void createPartitions(long runId) {
        jdbc.sql("create table if not exists " + SnapshotTables.accounts(runId) + " partition of account_status for values in (" + runId + ")"
                + " with (fillfactor = 90)").update();
        jdbc.sql("create table if not exists " + SnapshotTables.customers(runId) + " partition of customer_status for values in (" + runId + ")"
                + " with (fillfactor = 90)").update();
    }

    /** Built after loading: cheaper than maintaining them row by row during the COPYs. */
    public void index(long runId) {
        String accounts = SnapshotTables.accounts(runId), customers = SnapshotTables.customers(runId);
        jdbc.sql("create unique index if not exists " + accounts + "_account on " + accounts + " (account_id)").update();
        jdbc.sql("create index if not exists " + accounts + "_customer on " + accounts + " (customer_id)").update();
        jdbc.sql("create unique index if not exists " + customers + "_customer on " + customers + " (customer_id)").update();
        jdbc.sql("create index if not exists " + customers + "_tier_bucket on " + customers + " (tier, bucket)").update();
        jdbc.sql("analyze " + accounts).update();
        jdbc.sql("analyze " + customers).update();
    }

    /**
     * Writes the moves of this business date: every account whose bucket, and every customer whose
     * bucket or tier, differs from the previous run's (an account or customer new since then
     * counts as coming from M0 with no tier). Replaces what an earlier run of the same date wrote.
     *
     * @return account moves, customer moves
     */
    public long[] recordChanges(long runId, Long previousRunId, LocalDate businessDate) {
        String previous = previousRunId == null ? "null" : previousRunId.toString();
        jdbc.sql("delete from account_bucket_change where business_date = ?").param(businessDate).update();
        jdbc.sql("delete from customer_status_change where business_date = ?").param(businessDate).update();
        long accounts = jdbc.sql("""
                insert into account_bucket_change (account_id, business_date, run_id, from_bucket, to_bucket, days_past_due, overdue_total)
                select n.account_id, n.business_date, n.run_id, coalesce(p.bucket, 'M0'), n.bucket, n.days_past_due, n.overdue_total
                from account_status n
                left join account_status p on p.run_id = %s and p.account_id = n.account_id
                where n.run_id = %d and n.bucket <> coalesce(p.bucket, 'M0')""".formatted(previous, runId)).update();
        long customers = jdbc.sql("""
                insert into customer_status_change (customer_id, business_date, run_id, from_bucket, to_bucket, from_tier, to_tier,
                                                    worst_days_past_due, overdue_total)
                select n.customer_id, n.business_date, n.run_id, coalesce(p.bucket, 'M0'), n.bucket, p.tier, n.tier,
                       n.worst_days_past_due, n.overdue_total
                from customer_status n
                left join customer_status p on p.run_id = %s and p.customer_id = n.customer_id
                where n.run_id = %d and (n.bucket <> coalesce(p.bucket, 'M0') or n.tier is distinct from p.tier)"""
                .formatted(previous, runId)).update();
        return new long[]{accounts, customers};
    }

    public void drop(long runId) {
        jdbc.sql("drop table if exists " + SnapshotTables.accounts(runId)).update();
        jdbc.sql("drop table if exists " + SnapshotTables.customers(runId)).update();
    }
}
