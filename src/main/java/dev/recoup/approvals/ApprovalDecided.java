package dev.recoup.approvals;

/**
 * Published in the deciding transaction when an approval request is finally approved (every level)
 * or rejected (at any level). Listeners in the asking module act on their own kind only.
 */
public record ApprovalDecided(long approvalId, String kind, long subjectId, long caseId, boolean approved, String decidedBy, String reason) {
}
