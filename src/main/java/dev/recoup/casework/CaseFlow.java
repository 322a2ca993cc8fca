package dev.recoup.casework;

import java.time.LocalDate;

/** Moves cases through their flow stages (R8) and keeps every move. */
public interface CaseFlow {

    /** Rule move, set-based, inside the caller's transaction: cases behind {@code to} move up to it; others stay. Returns how many moved. */
    long advanceByRule(long[] caseIds, CaseStage to, LocalDate businessDate, String reason);

    /** Daily: closed cases to CLOSED, escalations for stages over their time limit, archiving; inside the caller's transaction. */
    void dailyReview(long runId, LocalDate businessDate);
}
