package dev.recoup.dailyrun;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One daily run as recorded: status, progress (accounts done / total), timing and summary. */
public record DailyRun(long id, LocalDate businessDate, String status, String triggeredBy, Long previousRunId, int accountsTotal,
                       int accountsDone, OffsetDateTime startedAt, OffsetDateTime finishedAt, String failure, String summaryJson,
                       Long supersededBy) {
}
