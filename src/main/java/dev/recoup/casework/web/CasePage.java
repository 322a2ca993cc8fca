package dev.recoup.casework.web;

import static dev.recoup.shared.PageActions.attempt;

import dev.recoup.access.CaseScope;
import dev.recoup.access.Viewers;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.TaskQuery;
import dev.recoup.casework.TaskStatus;
import dev.recoup.casework.Tasks;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Arrays;

/**
 * Moving a case's stage, completing and cancelling tasks (forms on the case page, which the
 * workbench module shows at /cases/{id}), and the tasks of a queue.
 */
@Controller
class CasePage {

    private static final int PAGE_SIZE = 50;

    private final CaseFlow flow;
    private final Tasks tasks;
    private final Viewers viewers;
    private final CaseScope scope;

    CasePage(CaseFlow flow, Tasks tasks, Viewers viewers, CaseScope scope) {
        this.flow = flow;
        this.tasks = tasks;
        this.viewers = viewers;
        this.scope = scope;
    }

    @PostMapping("/cases/{id}/flow")
    String move(@PathVariable long id, @RequestParam(required = false) String to, @RequestParam(required = false) String reason, Principal user,
                RedirectAttributes redirect) {
        attempt(redirect, "case.moved", () -> flow.move(id, Arrays.stream(CaseStage.values()).filter(s -> s.name().equals(to)).findFirst()
                .orElseThrow(() -> new InvalidInputException("to", to, "choose a stage")), reason, user.getName()));
        return "redirect:/cases/" + id;
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(@PathVariable long id, @RequestParam(required = false) String outcome, @RequestParam(required = false) String note,
                    Principal user, RedirectAttributes redirect) {
        long caseId = tasks.find(id).caseId();
        attempt(redirect, "task.completed", () -> tasks.complete(id, Arrays.stream(TaskOutcome.values()).filter(o -> o.name().equals(outcome))
                .findFirst().orElseThrow(() -> new InvalidInputException("outcome", outcome, "choose an outcome")), note, user.getName()));
        return "redirect:/cases/" + caseId;
    }

    @PostMapping("/tasks/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(required = false) String reason, Principal user, RedirectAttributes redirect) {
        long caseId = tasks.find(id).caseId();
        attempt(redirect, "task.cancelled", () -> tasks.cancel(id, reason, user.getName()));
        return "redirect:/cases/" + caseId;
    }

    @GetMapping("/tasks")
    String list(@RequestParam(required = false) String queue, @RequestParam(defaultValue = "OPEN") String status,
                @RequestParam(defaultValue = "0") int page, Model model) {
        TaskStatus chosen = Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(status)).findFirst().orElse(TaskStatus.OPEN);
        String q = queue == null || queue.isBlank() ? null : queue;
        model.addAttribute("queues", tasks.openTasksByQueue());
        model.addAttribute("queue", q);
        model.addAttribute("status", chosen);
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("result", tasks.search(new TaskQuery(q, null, chosen, null, Math.max(page, 0), PAGE_SIZE,
                scope.casesVisibleTo(viewers.current(), "task.case_id"))));
        return "tasks";
    }
}
