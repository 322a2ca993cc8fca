package dev.recoup.casework;

import java.time.LocalDate;
import java.util.Iterator;

/**
 * Tasks on cases (R9). The bulk methods run inside the caller's transaction (the daily run's
 * completion transaction), so tasks appear together with the run that created them.
 */
public interface Tasks {

    /** Creates the drafts not created before (same case, step key, due date); returns how many were new. */
    long createDue(long runId, LocalDate businessDate, Iterator<TaskDraft> drafts);

    /** Cancels the open tasks of these cases because their stage (segment) changed; returns how many. */
    long cancelForStageChange(long[] caseIds, LocalDate businessDate, String reason);

    /** Daily housekeeping: cancels open tasks of closed (cured) cases, expires stale ones; returns how many changed. */
    long closeStaleTasks(long runId, LocalDate businessDate);
}
