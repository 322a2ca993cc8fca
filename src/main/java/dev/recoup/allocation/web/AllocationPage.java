package dev.recoup.allocation.web;

import dev.recoup.allocation.AllocationMethod;
import dev.recoup.allocation.AllocationProperties;
import dev.recoup.allocation.AllocationService;
import dev.recoup.allocation.persistence.OrganisationStore;
import dev.recoup.allocation.persistence.RunStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The allocation page: teams and their people, starting a run (managers), and the last run — each
 * worker's new cases and load, and the expected recovery of every method side by side with the LP bound.
 */
@Controller
class AllocationPage {

    private final OrganisationStore organisation;
    private final RunStore runs;
    private final AllocationService allocation;
    private final AllocationProperties properties;
    private final BusinessClock clock;
    private final ObjectMapper json;

    AllocationPage(OrganisationStore organisation, RunStore runs, AllocationService allocation, AllocationProperties properties,
                   BusinessClock clock, ObjectMapper json) {
        this.organisation = organisation;
        this.runs = runs;
        this.allocation = allocation;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
    }

    /** A team's row: members, new agents, capacity and load. */
    record TeamRow(OrganisationStore.TeamView team, long activeMembers, long newAgents) {
    }

    /** One method's expected recovery beside the bound. */
    record MethodFigure(String method, String yuan, String shareOfBound, boolean chosen) {
    }

    @GetMapping("/allocation")
    String page(Model model) {
        var teams = organisation.teams();
        var agents = organisation.agents(null);
        var agencies = organisation.agencies();
        var today = clock.today();
        List<TeamRow> rows = teams.stream().map(t -> new TeamRow(t,
                agents.stream().filter(a -> a.teamCode().equals(t.code()) && a.active()).count()
                        + agencies.stream().filter(a -> a.teamCode().equals(t.code()) && a.active()).count(),
                agents.stream().filter(a -> a.teamCode().equals(t.code())
                        && a.startDate().isAfter(today.minusDays(properties.newAgentDays()))).count())).toList();
        model.addAttribute("teams", rows);
        model.addAttribute("agencies", agencies);
        model.addAttribute("methods", AllocationMethod.values());
        model.addAttribute("dailyMethod", properties.dailyMethod());
        model.addAttribute("cycleDays", properties.reallocationCycleDays());
        model.addAttribute("newAgentDays", properties.newAgentDays());
        model.addAttribute("recent", runs.recent(10));
        runs.latest().ifPresent(run -> {
            model.addAttribute("run", run);
            model.addAttribute("workers", runs.workers(run.id()));
            model.addAttribute("figures", figures(run));
            model.addAttribute("lpBoundYuan", run.lpBound() == null ? null : yuan(run.lpBound()));
            model.addAttribute("provenOptimal", run.detailsJson() != null && json.readTree(run.detailsJson()).path("provenOptimal").asBoolean(false));
        });
        return "allocation";
    }

    @PostMapping("/allocation/run")
    String run(@RequestParam AllocationMethod method, @RequestParam(defaultValue = "false") boolean dryRun, Principal user,
               RedirectAttributes redirect) {
        try {
            allocation.run(method, null, dryRun, user.getName());
        } catch (ConflictException | InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/allocation";
    }

    private static List<MethodFigure> figures(RunStore.RunRow run) {
        Map<AllocationMethod, Long> expected = new LinkedHashMap<>();
        expected.put(AllocationMethod.ROUND_ROBIN, run.expectedRoundRobin());
        expected.put(AllocationMethod.SNAKE, run.expectedSnake());
        expected.put(AllocationMethod.OPTIMISED, run.expectedOptimised());
        return expected.entrySet().stream().map(e -> new MethodFigure(e.getKey().name(),
                e.getValue() == null ? "—" : yuan(e.getValue()),
                e.getValue() == null || run.lpBound() == null || run.lpBound() == 0 ? "—"
                        : String.format("%.2f%%", 100.0 * e.getValue() / run.lpBound()),
                e.getKey() == run.method())).toList();
    }

    static String yuan(long minor) {
        return String.format("%,.2f", BigDecimal.valueOf(minor, 2));
    }
}
