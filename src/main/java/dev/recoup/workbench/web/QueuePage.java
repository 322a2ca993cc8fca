package dev.recoup.workbench.web;

import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.shared.BusinessClock;
import dev.recoup.workbench.WorkbenchProperties;
import dev.recoup.workbench.persistence.WorkbenchQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** My queue: the logged-in agent's open assigned cases, those with tasks due first, then by tier and amount. */
@Controller
class QueuePage {

    private final WorkbenchQueries queries;
    private final Viewers viewers;
    private final WorkbenchProperties properties;
    private final BusinessClock clock;

    QueuePage(WorkbenchQueries queries, Viewers viewers, WorkbenchProperties properties, BusinessClock clock) {
        this.queries = queries;
        this.viewers = viewers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping("/my-queue")
    String queue(@RequestParam(defaultValue = "0") int page, Model model) {
        Viewer viewer = viewers.current();
        model.addAttribute("viewer", viewer);
        model.addAttribute("today", clock.today());
        if (viewer.agentId() != null) {
            model.addAttribute("queue", queries.queue(viewer.agentId(), clock.today(), Math.max(page, 0), properties.queuePageSize()));
        }
        return "my-queue";
    }

    /** The next case of my queue after the one given (keyboard shortcut n); back to the queue when there is none. */
    @GetMapping("/my-queue/next")
    String next(@RequestParam(required = false) Long after) {
        Viewer viewer = viewers.current();
        if (viewer.agentId() == null) {
            return "redirect:/my-queue";
        }
        return queries.nextInQueue(viewer.agentId(), after == null ? -1 : after, clock.today())
                .map(id -> "redirect:/cases/" + id).orElse("redirect:/my-queue");
    }
}
