package dev.recoup.approvals.domain;

import java.util.Optional;
import java.util.Set;

/**
 * An approval request as far as deciding on it goes: who asked, how many levels it needs, how many
 * are approved, and who decided the levels so far.
 */
public record PendingApproval(long id, String status, String requestedBy, int levelsRequired, int levelsApproved, Set<String> deciders) {

    public PendingApproval {
        deciders = Set.copyOf(deciders);
    }

    /** The level a decision now would be taken at. */
    public int nextLevel() {
        return levelsApproved + 1;
    }

    /**
     * Why {@code user} (holding {@code roles}) may not decide this request now, or empty when they may.
     * Rejecting is held to the same rules as approving: a person who may not approve at this level
     * may not reject at it either.
     */
    public Optional<Refusal> refusalFor(String user, Set<String> roles, ApprovalPolicy policy) {
        if (!"PENDING".equals(status)) {
            return Optional.of(Refusal.notPending(status));
        }
        if (user.equals(requestedBy)) {
            return Optional.of(Refusal.OWN_REQUEST);
        }
        if (deciders.contains(user)) {
            return Optional.of(Refusal.ALREADY_DECIDED_A_LEVEL);
        }
        ApprovalLevel level = policy.level(nextLevel());
        if (!level.allows(roles)) {
            return Optional.of(Refusal.roleNotAllowed(level));
        }
        return Optional.empty();
    }

    /** A reason a person may not decide, in zh-CN and en. */
    public record Refusal(String code, String zh, String en, boolean conflict) {

        static final Refusal OWN_REQUEST = new Refusal("OWN_REQUEST", "不能审批自己提交的申请", "you may not decide on your own request", false);
        static final Refusal ALREADY_DECIDED_A_LEVEL = new Refusal("ALREADY_DECIDED_A_LEVEL",
                "同一人不能审批两个级别：您已审批过此申请的一个级别", "the same person may not approve two levels: you already decided a level of this request", false);

        static Refusal notPending(String status) {
            return new Refusal("NOT_PENDING", "此申请已结束（" + status + "），不能再审批", "this request is no longer pending (" + status + ")", true);
        }

        static Refusal roleNotAllowed(ApprovalLevel level) {
            return new Refusal("ROLE_NOT_ALLOWED", "您的角色不能审批第" + level.number() + "级（" + level.name() + "，需要" + level.roles() + "）",
                    "your role may not decide level " + level.number() + " (" + level.name() + ", needs one of " + level.roles() + ")", false);
        }
    }
}
