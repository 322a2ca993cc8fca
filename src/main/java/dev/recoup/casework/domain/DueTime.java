package dev.recoup.casework.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** When a task is due and whether it was done in time. */
public final class DueTime {

    private DueTime() {
    }

    /** The instant a task due on {@code dueOn} falls due: that day at {@code dueTime} in the lender's zone. */
    public static Instant dueAt(LocalDate dueOn, LocalTime dueTime, ZoneId zone) {
        return dueOn.atTime(dueTime).atZone(zone).toInstant();
    }

    /** Done on time: at or before the due instant. */
    public static boolean onTime(Instant completedAt, Instant dueAt) {
        return !completedAt.isAfter(dueAt);
    }
}
