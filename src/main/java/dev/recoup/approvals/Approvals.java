package dev.recoup.approvals;

/** Asking for approval; deciding happens through the approvals API and pages. */
public interface Approvals {

    /**
     * Opens an approval request in the caller's transaction; the levels it needs follow from its
     * kind and amount. Asking again for the same (kind, subjectId) while one is pending returns it.
     *
     * @throws dev.recoup.shared.InvalidInputException for an unknown kind, a negative amount, a missing
     *                                                 requester, or principal that no configured level may waive
     */
    ApprovalRequest request(NewApproval request);

    /** @throws dev.recoup.shared.NotFoundException when there is no such request */
    ApprovalRequest find(long approvalId);

    /** The request with every decision so far (who, which level, why). */
    ApprovalDetail detail(long approvalId);

    /**
     * Withdraws a pending request in the caller's transaction (the asking module no longer wants it);
     * no {@link ApprovalDecided} follows.
     *
     * @throws dev.recoup.shared.ConflictException when it is no longer pending
     */
    ApprovalRequest withdraw(long approvalId, String user);

    /**
     * @param kind             {@code WAIVER}, {@code SETTLEMENT} or {@code PLAN}
     * @param subjectId        the waiver's, settlement's or plan's id in the asking module
     * @param amountFen        the amount the decision concerns (waived amount; plan total)
     * @param requestedBy      user name
     * @param touchesPrincipal the request forgives principal (a settlement): it then needs at least
     *                         {@code recoup.approvals.principal-min-levels} levels (the manager)
     */
    record NewApproval(String kind, long subjectId, long caseId, long amountFen, String summary, String requestedBy, String reason,
                       boolean touchesPrincipal) {

        public NewApproval(String kind, long subjectId, long caseId, long amountFen, String summary, String requestedBy, String reason) {
            this(kind, subjectId, caseId, amountFen, summary, requestedBy, reason, false);
        }
    }

    enum Status { PENDING, APPROVED, REJECTED, WITHDRAWN }

    record ApprovalRequest(long id, String kind, long subjectId, long caseId, long amountFen, Status status, int levelsRequired,
                           int levelsApproved) {
    }
}
