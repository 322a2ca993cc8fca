package dev.recoup.contact.web;

import dev.recoup.contact.persistence.ComplaintService;
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

import java.util.Arrays;
import java.util.function.Supplier;

/** The complaint queue (R14): open complaints by first-response due time, with the time left; register, answer, close. */
@Controller
class ComplaintsPage {

    private final ComplaintService complaints;
    private final dev.recoup.shared.BusinessClock clock;

    ComplaintsPage(ComplaintService complaints, dev.recoup.shared.BusinessClock clock) {
        this.complaints = complaints;
        this.clock = clock;
    }

    @GetMapping("/complaints")
    String queue(Model model) {
        model.addAttribute("open", complaints.list(true, null, 500));
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

    private static void attempt(RedirectAttributes redirect, String doneMessage, Supplier<?> change) {
        try {
            change.get();
            redirect.addFlashAttribute("done", doneMessage);
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
    }
}
