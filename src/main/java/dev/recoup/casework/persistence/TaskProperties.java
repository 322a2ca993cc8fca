package dev.recoup.casework.persistence;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.LocalTime;

/**
 * @param expireAfterDays an open task this many days past its due day expires (EXPIRED) in the daily run
 * @param dueTime         the time of its due day a task falls due, in {@code recoup.time-zone}
 */
@ConfigurationProperties("recoup.tasks")
public record TaskProperties(Integer expireAfterDays, LocalTime dueTime) {

    public TaskProperties {
        expireAfterDays = expireAfterDays == null ? 7 : expireAfterDays;
        dueTime = dueTime == null ? LocalTime.of(23, 59, 59) : dueTime;
        if (expireAfterDays < 0) {
            throw new IllegalArgumentException("recoup.tasks.expire-after-days must be 0 or more, not " + expireAfterDays);
        }
    }
}
