package dev.recoup.casework;

import dev.recoup.access.ScopeCondition;

import java.time.LocalDate;

/**
 * A filter over tasks; null fields do not filter. {@code dueBy}: due on or before that day. {@code scope}:
 * only tasks of the cases it lets through (access/CaseScope over the task's case_id).
 */
public record TaskQuery(String queue, String owner, TaskStatus status, LocalDate dueBy, int page, int size, ScopeCondition scope) {

    public TaskQuery {
        scope = scope == null ? ScopeCondition.ALL : scope;
    }

    public TaskQuery(String queue, String owner, TaskStatus status, LocalDate dueBy, int page, int size) {
        this(queue, owner, status, dueBy, page, size, ScopeCondition.ALL);
    }
}
