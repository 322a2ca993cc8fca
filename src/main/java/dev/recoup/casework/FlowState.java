package dev.recoup.casework;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Where a case stands in its flow (R8), as of {@code asOf}: its stage, the stage's owner role and
 * time limit, how long it has been there, whether it is over the limit, and every move and
 * escalation so far, oldest first.
 *
 * @param limitDays 0 when the stage has no limit; for CLOSED it is the archive period
 * @param limitOn   the last day within the limit, or null
 */
public record FlowState(long caseId, String caseStatus, CaseStage stage, String ownerRole, int limitDays, LocalDate enteredOn,
                        LocalDate limitOn, long daysInStage, boolean overdue, LocalDate asOf, List<StageChange> history,
                        List<Escalation> escalations) {

    /** One move: by "rule" (the daily run or a task outcome), "migration", or the user who moved it. */
    public record StageChange(CaseStage from, CaseStage to, LocalDate businessDate, OffsetDateTime movedAt, String movedBy, String reason,
                              Long runId) {
    }

    public record Escalation(CaseStage stage, LocalDate stageEnteredOn, LocalDate limitOn, LocalDate escalatedOn, String ownerRole,
                             String toQueue, LocalDate resolvedOn) {
    }
}
