package dev.recoup.contact.web;

import static dev.recoup.shared.PageActions.attempt;

import dev.recoup.access.CaseScope;
import dev.recoup.access.Role;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.contact.persistence.ComplaintService;
import dev.recoup.shared.ForbiddenException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.Arrays;

/** The complaint queue (R14): open complaints by first-response due time, with the time left; register, answer, close. */
@Controller
class ComplaintsPage {

    private final ComplaintService complaints;
    private final dev.recoup.shared.BusinessClock clock;
    private final Viewers viewers;
    private final CaseScope scope;

    ComplaintsPage(ComplaintService complaints, dev.recoup.shared.BusinessClock clock, Viewers viewers, CaseScope scope) {
        this.complaints = complaints;
        this.clock = clock;
        this.viewers = viewers;
        this.scope = scope;
    }

    /**
     * The queue (issue 6): filtered by status (open by default), category, assignee ("-" unassigned, "me")
     * and overdue; each person sees the complaints on the cases it may see (a team lead its teams').
     */
    @GetMapping("/complaints")
    String queue(@RequestParam(required = false) String status, @RequestParam(required = false) String category,
                 @RequestParam(required = false) String assignee, @RequestParam(required = false) boolean overdue, Model model) {
        Viewer viewer = viewers.current();
        String shownStatus = status == null ? "OPEN" : status;
        String who = "me".equals(assignee) ? viewer.username() : assignee;
        model.addAttribute("open", complaints.queue(new ComplaintService.QueueFilter("ALL".equals(shownStatus) ? null : shownStatus, category, who,
                overdue), scope.casesVisibleTo(viewer, "k.case_id"), 500));
        model.addAttribute("status", shownStatus);
        model.addAttribute("category", category);
        model.addAttribute("assignee", assignee);
        model.addAttribute("overdue", overdue);
        model.addAttribute("officers", complaints.complianceOfficers());
        model.addAttribute("mayClose", viewer.hasAny(Role.MANAGER, Role.ADMIN, Role.COMPLIANCE));
        model.addAttribute("mayAssign", viewer.hasAny(Role.MANAGER, Role.ADMIN, Role.COMPLIANCE, Role.TEAM_LEAD));
        model.addAttribute("stats", complaints.stats());
        model.addAttribute("channels", ComplaintService.Channel.values());
        model.addAttribute("categories", ComplaintService.Category.values());
        model.addAttribute("outcomes", ComplaintService.Resolution.values());
        model.addAttribute("zone", clock.zone());
        return "complaints";
    }

    @PostMapping("/complaints")
    String register(@RequestParam(required = false) Long caseId, @RequestParam(required = false) String channel,
                    @RequestParam(required = false) String category, @RequestParam(required = false) String text, Authentication user,
                    RedirectAttributes redirect) {
        attempt(redirect, "complaint.registered", () -> complaints.register(caseId == null ? -1 : caseId,
                pick(ComplaintService.Channel.values(), channel), pick(ComplaintService.Category.values(), category), text, null, user.getName()));
        return "redirect:/complaints";
    }

    /** Gives the complaint to a compliance officer (team leads, managers and compliance officers), on a case the person may see. */
    @PostMapping("/complaints/{id}/assign")
    String assign(@PathVariable long id, @RequestParam(required = false) String assignee, RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        if (!viewer.hasAny(Role.MANAGER, Role.ADMIN, Role.COMPLIANCE, Role.TEAM_LEAD)) {
            throw new ForbiddenException("complaints are assigned by team leads, managers and compliance officers");
        }
        attempt(redirect, "complaint.assigned", () -> {
            scope.requireCase(viewer, complaints.find(id).caseId());
            if (assignee != null && !assignee.isBlank() && !complaints.complianceOfficers().contains(assignee.strip())) {
                throw new InvalidInputException("assignee", assignee, "complaints go to a compliance officer");
            }
            return complaints.assign(id, assignee, viewer.username());
        });
        return "redirect:/complaints";
    }

    @PostMapping("/complaints/{id}/respond")
    String respond(@PathVariable long id, @RequestParam(required = false) String note, Authentication user, RedirectAttributes redirect) {
        attempt(redirect, "complaint.responded", () -> complaints.respond(id, note, user.getName()));
        return "redirect:/complaints";
    }

    @PostMapping("/complaints/{id}/close")
    String close(@PathVariable long id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String resolution,
                 Authentication user, RedirectAttributes redirect) {
        // Managers, compliance officers and administrators close complaints (docs/permissions.md).
        boolean manager = user.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_MANAGER") || a.getAuthority().equals("ROLE_ADMIN")
                || a.getAuthority().equals("ROLE_COMPLIANCE"));
        if (!manager) {
            redirect.addFlashAttribute("error", "403");
            return "redirect:/complaints";
        }
        attempt(redirect, "complaint.closed", () -> complaints.close(id, pick(ComplaintService.Resolution.values(), outcome), resolution, user.getName()));
        return "redirect:/complaints";
    }

    private static <E extends Enum<E>> E pick(E[] values, String name) {
        return Arrays.stream(values).filter(v -> v.name().equals(name)).findFirst().orElse(null);
    }

}
