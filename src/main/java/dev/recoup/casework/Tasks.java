package dev.recoup.casework;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Tasks on cases (R9). The bulk methods run inside the caller's transaction (the daily run's
 * completion transaction), so tasks appear together with the run that created them; called
 * without one, each method is its own transaction.
 */
public interface Tasks {

    /**
     * Creates the drafts not created before (same case, step key, due date); returns how many were
     * new. Streams the drafts into PostgreSQL with COPY: hundreds of thousands in one call are fine.
     * Tasks it creates are the run's ({@code created_by_run}); their due time is the end of the due
     * day ({@code recoup.tasks.due-time} in {@code recoup.time-zone}). Drafts for cases that are
     * closed (paid up, or in flow stage CLOSED/ARCHIVED) or unknown are skipped. Every draft needs a
     * case id, type, step key, due date, queue and source (else IllegalArgumentException).
     */
    long createDue(long runId, LocalDate businessDate, Iterator<TaskDraft> drafts);

    /**
     * Cancels the open tasks of these cases because their stage (segment) changed; returns how many.
     * Only tasks a daily run created, and not escalations: people's own tasks stay.
     */
    long cancelForStageChange(long[] caseIds, LocalDate businessDate, String reason);

    /**
     * Daily housekeeping: cancels open tasks of the cases this run closed (reason CASE_CLOSED),
     * expires tasks open more than {@code recoup.tasks.expire-after-days} past their due day; returns
     * how many changed. The daily run calls it after {@link CaseFlow#dailyReview}.
     */
    long closeStaleTasks(long runId, LocalDate businessDate);

    /** A person's task on an open case. Bad input → InvalidInputException naming the field. */
    Task create(long caseId, ManualTask task, String by);

    /**
     * Marks an open task done with an outcome; on time if now (BusinessClock) is at or before its due
     * time. An outcome that says where the case stands (a contact, a promise) moves the case forward
     * in its flow, by rule.
     */
    Task complete(long taskId, TaskOutcome outcome, String note, String by);

    /** Cancels an open task; the reason is required. */
    Task cancel(long taskId, String reason, String by);

    /**
     * Completes many open tasks at once — e.g. the message tasks whose messages went to the outbox —
     * in one statement, on time or late as {@link #complete} decides; tasks no longer open are left
     * as they are. Outcomes that say where a case stands move those cases forward, by rule.
     *
     * @return the ids of the tasks it completed
     */
    List<Long> completeAll(List<Completion> completions, String by);

    /** Cancels many open tasks at once, each with its reason; tasks no longer open are left as they are. Returns the ids cancelled. */
    List<Long> cancelAll(List<Cancellation> cancellations, String by);

    /**
     * Corrects the outcome of a done task that still has {@code expected} — e.g. a message task done
     * as MESSAGE_SENT whose message the contact gate then refused — and adds the note to its outcome
     * note. Returns whether it changed the task (false: not done, or its outcome is no longer {@code expected}).
     */
    boolean reviseOutcome(long taskId, TaskOutcome expected, TaskOutcome outcome, String note, String by);

    /** @param note the outcome note, or null */
    record Completion(long taskId, TaskOutcome outcome, String note) {
    }

    /** @param reason required: a code people's pages label ({@code task.cancel.<CODE>}), or a sentence */
    record Cancellation(long taskId, String reason) {
    }

    Task find(long taskId);

    /** A case's tasks: open ones first by due date, then the rest, latest first. */
    List<Task> ofCase(long caseId);

    TaskPage search(TaskQuery query);

    /** Timeliness and follow-up counts of a case (the {@code case_task_stats} view). */
    TaskStats stats(long caseId);

    /** How many open tasks each queue has, by queue name. */
    Map<String, Long> openTasksByQueue();
}
