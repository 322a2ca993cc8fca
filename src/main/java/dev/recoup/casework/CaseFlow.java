package dev.recoup.casework;

import java.time.LocalDate;

/** Moves cases through their flow stages (R8) and keeps every move. */
public interface CaseFlow {

    /**
     * Rule move, set-based, inside the caller's transaction: cases behind {@code to} move up to it;
     * others stay (rules never move a case back, and never move a closed case into a working stage).
     * Each moved case gets a history row by "rule" with the reason. Returns how many moved.
     */
    long advanceByRule(long[] caseIds, CaseStage to, LocalDate businessDate, String reason);

    /** What the daily review did. */
    record Review(long restored, long closed, long archived, long classified, long escalated) {
    }

    /**
     * Daily, inside the caller's transaction: cases the run closed go to CLOSED; CLOSED longer than
     * the archive period to ARCHIVED; new cases with a tier from INTAKE to CLASSIFIED; cases over
     * their stage's time limit are escalated once per stage entry (an escalation record and an
     * ESCALATION task in the stage's escalation queue). A re-run that reopened a case puts it back
     * where it was before the earlier run closed it.
     */
    Review dailyReview(long runId, LocalDate businessDate);

    /**
     * A person moves a case to any stage with a reason (required), recorded with their name. A case
     * the daily run has closed (paid up) can only go to CLOSED or ARCHIVED. Moving to CLOSED or
     * ARCHIVED cancels the case's open tasks.
     */
    FlowState move(long caseId, CaseStage to, String reason, String by);

    /** The case's stage, owner role, time limit, days in stage as of today, and full history. */
    FlowState flowOf(long caseId);
}
