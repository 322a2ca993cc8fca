package dev.recoup.dailyrun;

import dev.recoup.delinquency.domain.TierPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param schedule              cron for the nightly run in the lender's time zone ("-" turns it off);
 *                              the business date is the calendar date when it fires
 * @param chunkSize             accounts per committed chunk: the unit of progress and of restart
 * @param parallelism           chunks assessed at once (each on its own connection)
 * @param snapshotRetentionDays how long daily status snapshots are kept; month-end ones stay
 * @param tier                  the tier policy's parameters (R4), see {@link TierPolicy}
 */
@ConfigurationProperties("recoup.daily-run")
public record DailyRunProperties(String schedule, int chunkSize, int parallelism, int snapshotRetentionDays, Tiering tier) {

    public DailyRunProperties {
        schedule = schedule == null ? "0 30 1 * * *" : schedule;
        chunkSize = chunkSize <= 0 ? 50_000 : chunkSize;
        parallelism = parallelism <= 0 ? 2 : parallelism;
        snapshotRetentionDays = snapshotRetentionDays <= 0 ? 45 : snapshotRetentionDays;
        tier = tier == null ? new Tiering(1, 30, 50_000) : tier;
    }

    /** @param robotMaxOverdueYuan above this overdue amount a 1–30 DPD customer goes to a person (T2) */
    public record Tiering(int minRepayments, int maxDaysLateSettled, long robotMaxOverdueYuan) {

        public TierPolicy policy() {
            return new TierPolicy(minRepayments, maxDaysLateSettled, robotMaxOverdueYuan * 100);
        }
    }
}
