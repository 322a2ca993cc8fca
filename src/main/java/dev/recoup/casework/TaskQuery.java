package dev.recoup.casework;

import java.time.LocalDate;

/** A filter over tasks; null fields do not filter. {@code dueBy}: due on or before that day. */
public record TaskQuery(String queue, String owner, TaskStatus status, LocalDate dueBy, int page, int size) {
}
