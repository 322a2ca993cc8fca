package dev.recoup.allocation.domain;

/** Why an assignment ended. */
public enum EndReason {
    /** Its review fell due (the reallocation cycle) or its worker was deactivated; the case goes back into the pool. */
    REALLOCATED,
    /** The case moved to another segment of the strategy. */
    STAGE_CHANGED,
    /** An agency placement reached its end date: the case returns, the agency's results are recorded. */
    RECALLED,
    /** The case closed (cured). */
    CASE_CLOSED
}
