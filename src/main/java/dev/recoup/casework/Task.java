package dev.recoup.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A task as people and the API see it. {@code onTime} is set once it is done. */
public record Task(long id, long caseId, String type, String stepKey, LocalDate dueOn, OffsetDateTime dueAt, String queue, String owner,
                   TaskStatus status, String outcome, String outcomeNote, String template, String note, String source, Long createdByRun,
                   LocalDate createdOn, OffsetDateTime completedAt, String completedBy, LocalDate closedOn, Boolean onTime,
                   String cancelReason) {
}
