package dev.recoup.approvals.api;

import dev.recoup.access.CaseScope;
import dev.recoup.access.Viewers;
import dev.recoup.approvals.ApprovalDetail;
import dev.recoup.approvals.Approvals;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;
import java.util.List;

/** Approval requests (R16, R17): the caller's inbox, deciding a level with a reason, the history. */
@RestController
@RequestMapping("/api/v1/approvals")
@Tag(name = "Approvals")
class ApprovalController {

    private final ApprovalService approvals;
    private final Viewers viewers;
    private final CaseScope scope;

    ApprovalController(ApprovalService approvals, Viewers viewers, CaseScope scope) {
        this.approvals = approvals;
        this.viewers = viewers;
        this.scope = scope;
    }

    record DecisionRequest(String decision, String reason) {
    }

    @GetMapping("/inbox")
    @Operation(summary = "What the caller may decide now", description = "Pending requests whose next level the caller's role reaches, "
            + "not asked by the caller and not already decided by the caller at another level; oldest first.")
    List<ApprovalDetail> inbox(Authentication user, @RequestParam(defaultValue = "100") int limit) {
        // A team lead's inbox holds its teams' cases only (issue 6).
        return approvals.inbox(user.getName(), DeciderRoles.of(user), scope.casesVisibleTo(viewers.current(), "r.case_id"), limit(limit));
    }

    @GetMapping
    @Operation(summary = "Approval requests, newest first", description = "status: PENDING, APPROVED, REJECTED, WITHDRAWN")
    List<ApprovalDetail> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long caseId,
                              @RequestParam(defaultValue = "100") int limit) {
        return approvals.list(status == null || status.isBlank() ? null : status(status), caseId, limit(limit));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One approval request with every decision")
    ApprovalDetail find(@PathVariable long id) {
        return approvals.detail(id);
    }

    @PostMapping("/{id}/decisions")
    @Operation(summary = "Decide the next level of a request", description = "decision: APPROVE or REJECT; reason required. "
            + "403 with the reason when the caller asked for it, already decided a level of it, or their role does not reach the level; "
            + "409 when it is no longer pending. Approving the last level approves the request; rejecting at any level rejects it.")
    ApprovalDetail decide(@PathVariable long id, @RequestBody(required = false) DecisionRequest body, Authentication user) {
        DecisionRequest request = body == null ? new DecisionRequest(null, null) : body;
        boolean approve = switch (request.decision() == null ? "" : request.decision().strip()) {
            case "APPROVE" -> true;
            case "REJECT" -> false;
            default -> throw new InvalidInputException("decision", request.decision(), "decision must be APPROVE or REJECT");
        };
        scope.requireCase(viewers.current(), approvals.find(id).caseId());
        return approvals.decide(id, user.getName(), DeciderRoles.of(user), approve, request.reason());
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > 1000) {
            throw new InvalidInputException("limit", String.valueOf(limit), "limit is between 1 and 1000");
        }
        return limit;
    }

    static Approvals.Status status(String text) {
        return Arrays.stream(Approvals.Status.values()).filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", text, "status must be one of " + Arrays.toString(Approvals.Status.values())));
    }
}
