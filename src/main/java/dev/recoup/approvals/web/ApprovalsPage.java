package dev.recoup.approvals.web;

import dev.recoup.access.CaseScope;
import dev.recoup.access.ScopeCondition;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.approvals.ApprovalDetail;
import dev.recoup.approvals.api.DeciderRoles;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.approvals.persistence.DecisionRefusedException;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.ForbiddenException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Locale;

/** A plain page for approvals: what the signed-in person may decide (approve or reject with a reason), and recent requests. */
@Controller
class ApprovalsPage {

    private final ApprovalService approvals;
    private final BusinessClock clock;
    private final Viewers viewers;
    private final CaseScope scope;

    ApprovalsPage(ApprovalService approvals, BusinessClock clock, Viewers viewers, CaseScope scope) {
        this.approvals = approvals;
        this.clock = clock;
        this.viewers = viewers;
        this.scope = scope;
    }

    /**
     * One inbox for team leads and managers (issue 6): what the viewer may decide at its level, on the
     * cases it oversees (a team lead: its teams' cases); the recent requests on those cases below.
     */
    @GetMapping("/approvals")
    String page(Authentication user, @RequestParam(required = false) String kind, Model model) {
        Viewer viewer = viewers.current();
        ScopeCondition cases = scope.casesVisibleTo(viewer, "r.case_id");
        List<ApprovalDetail> inbox = approvals.inbox(user.getName(), DeciderRoles.of(user), cases, 200);
        if (kind != null && !kind.isBlank()) {
            inbox = inbox.stream().filter(a -> a.kind().equals(kind)).toList();
        }
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", approvals.policy().kinds());
        model.addAttribute("inbox", inbox);
        model.addAttribute("recent", approvals.list(null, null, cases, 50));
        model.addAttribute("levels", approvals.policy().levels());
        model.addAttribute("zone", clock.zone());
        return "approvals";
    }

    @PostMapping("/approvals/{id}/decide")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision, @RequestParam(required = false) String reason,
                  Authentication user, Locale locale, RedirectAttributes redirect) {
        try {
            if (!"APPROVE".equals(decision) && !"REJECT".equals(decision)) {
                throw new InvalidInputException("decision", decision, "decision must be APPROVE or REJECT");
            }
            // A team lead decides on its teams' cases only (403 otherwise), whatever its level allows.
            scope.requireCase(viewers.current(), approvals.find(id).caseId());
            approvals.decide(id, user.getName(), DeciderRoles.of(user), "APPROVE".equals(decision), reason);
            redirect.addFlashAttribute("done", "APPROVE".equals(decision) ? "approval.approved" : "approval.rejected");
        } catch (DecisionRefusedException e) {
            redirect.addFlashAttribute("error", "zh".equals(locale.getLanguage()) ? e.refusal().zh() : e.refusal().en());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException | ForbiddenException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/approvals";
    }
}
