package dev.recoup.approvals;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * An approval request with its decisions so far, for pages and the API.
 *
 * @param nextLevel     the level a decision now would be taken at (0 when no longer pending)
 * @param nextLevelName its name, e.g. TEAM_LEAD (null when no longer pending)
 */
public record ApprovalDetail(long id, String kind, long subjectId, long caseId, long amountFen, boolean touchesPrincipal, String summary,
                             String reason, Approvals.Status status, int levelsRequired, int levelsApproved, int nextLevel, String nextLevelName,
                             String requestedBy, OffsetDateTime requestedAt, OffsetDateTime decidedAt, List<Decision> decisions) {

    public ApprovalDetail {
        decisions = List.copyOf(decisions);
    }

    /** One person's decision at one level. */
    public record Decision(int level, String levelName, String decision, String decidedBy, String roles, String reason, OffsetDateTime decidedAt) {
    }
}
