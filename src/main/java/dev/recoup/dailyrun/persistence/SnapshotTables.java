package dev.recoup.dailyrun.persistence;

/** Names of one run's snapshot partitions. Run ids are longs, so the names are safe to inline. */
public final class SnapshotTables {

    private SnapshotTables() {
    }

    public static String accounts(long runId) {
        return "account_status_r" + runId;
    }

    public static String customers(long runId) {
        return "customer_status_r" + runId;
    }
}
