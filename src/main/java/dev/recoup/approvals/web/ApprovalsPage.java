package dev.recoup.approvals.web;

import dev.recoup.approvals.api.DeciderRoles;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.approvals.persistence.DecisionRefusedException;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
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

import java.util.Locale;

/** A plain page for approvals: what the signed-in person may decide (approve or reject with a reason), and recent requests. */
@Controller
class ApprovalsPage {

    private final ApprovalService approvals;
    private final BusinessClock clock;

    ApprovalsPage(ApprovalService approvals, BusinessClock clock) {
        this.approvals = approvals;
        this.clock = clock;
    }

    @GetMapping("/approvals")
    String page(Authentication user, Model model) {
        model.addAttribute("inbox", approvals.inbox(user.getName(), DeciderRoles.of(user), 200));
        model.addAttribute("recent", approvals.list(null, null, 50));
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
            approvals.decide(id, user.getName(), DeciderRoles.of(user), "APPROVE".equals(decision), reason);
            redirect.addFlashAttribute("done", "APPROVE".equals(decision) ? "approval.approved" : "approval.rejected");
        } catch (DecisionRefusedException e) {
            redirect.addFlashAttribute("error", "zh".equals(locale.getLanguage()) ? e.refusal().zh() : e.refusal().en());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/approvals";
    }
}
