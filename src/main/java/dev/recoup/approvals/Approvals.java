package dev.recoup.approvals;

/** Asking for approval; deciding happens through the approvals API and pages. */
public interface Approvals {

    /**
     * Opens an approval request in the caller's transaction; the levels it needs follow from its
     * kind and amount. Asking again for the same (kind, subjectId) while one is pending returns it.
     */
    ApprovalRequest request(NewApproval request);

    ApprovalRequest find(long approvalId);

    /**
     * @param kind        {@code WAIVER}, {@code SETTLEMENT} or {@code PLAN}
     * @param subjectId   the waiver's, settlement's or plan's id in the asking module
     * @param amountFen   the amount the decision concerns (waived amount; plan total)
     * @param requestedBy user name
     */
    record NewApproval(String kind, long subjectId, long caseId, long amountFen, String summary, String requestedBy, String reason) {
    }

    enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }

    record ApprovalRequest(long id, String kind, long subjectId, long caseId, long amountFen, Status status, int levelsRequired,
                           int levelsApproved) {
    }
}
