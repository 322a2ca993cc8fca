package dev.recoup.approvals.persistence;

import dev.recoup.approvals.domain.PendingApproval;

/** A person may not decide a request now (their own, a second level, a level their role does not reach). HTTP 403, or 409 when it is over. */
public class DecisionRefusedException extends RuntimeException {

    private final PendingApproval.Refusal refusal;

    public DecisionRefusedException(PendingApproval.Refusal refusal) {
        super(refusal.en());
        this.refusal = refusal;
    }

    public PendingApproval.Refusal refusal() {
        return refusal;
    }
}
