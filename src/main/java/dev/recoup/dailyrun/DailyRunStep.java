package dev.recoup.dailyrun;

import java.time.OffsetDateTime;

/** One step of a daily run with its timing. */
public record DailyRunStep(int position, String step, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long millis) {
}
