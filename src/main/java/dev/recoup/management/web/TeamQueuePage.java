package dev.recoup.management.web;

import dev.recoup.access.AuditLog;
import dev.recoup.access.PersonalData;
import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.allocation.CaseReassignments;
import dev.recoup.management.TeamsInView;
import dev.recoup.management.persistence.TeamQueueStore;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.ForbiddenException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Team queues (R25): a team lead's teams (a manager's: any team) with each agent's open cases and
 * overdue total, the cases themselves (one agent's or the whole team's, largest first), and moving
 * chosen cases to another agent of the team or back to the pool, with a reason.
 */
@Controller
class TeamQueuePage {

    static final int CASES_SHOWN = 300;

    private final Viewers viewers;
    private final TeamQueueStore store;
    private final CaseReassignments reassignments;
    private final PersonalData personal;
    private final AuditLog audit;
    private final BusinessClock clock;

    TeamQueuePage(Viewers viewers, TeamQueueStore store, CaseReassignments reassignments, PersonalData personal, AuditLog audit,
                  BusinessClock clock) {
        this.viewers = viewers;
        this.store = store;
        this.reassignments = reassignments;
        this.personal = personal;
        this.audit = audit;
        this.clock = clock;
    }

    /** A case row as shown: the ID number masked for whoever may not see it. */
    record Row(long caseId, String customerName, String idNumber, long agentId, String agentName, String tier, String segment, long overdueFen,
               java.time.LocalDate assignedOn, java.time.LocalDate reviewOn, String method) {
    }

    @GetMapping("/team")
    String page(@RequestParam(required = false) Long team, @RequestParam(required = false) Long agent, Model model) {
        Viewer viewer = viewers.current();
        Set<Long> mine = TeamsInView.of(viewer);
        List<TeamQueueStore.Team> teams = store.teams(TeamsInView.array(mine));
        TeamQueueStore.Team chosen = team == null ? (teams.isEmpty() ? null : teams.getFirst())
                : teams.stream().filter(t -> t.id() == team).findFirst()
                .orElseThrow(() -> new ForbiddenException("team " + team + " is not one of yours"));
        model.addAttribute("teams", teams);
        model.addAttribute("team", chosen);
        model.addAttribute("agent", agent);
        if (chosen != null) {
            long[] ids = {chosen.id()};
            List<TeamQueueStore.AgentLoad> loads = store.loads(ids, clock.today());
            model.addAttribute("loads", loads);
            model.addAttribute("totalCases", loads.stream().mapToLong(TeamQueueStore.AgentLoad::cases).sum());
            model.addAttribute("totalOverdue", loads.stream().mapToLong(TeamQueueStore.AgentLoad::overdueFen).sum());
            model.addAttribute("cases", store.cases(ids, agent, CASES_SHOWN).stream().map(c -> new Row(c.caseId(), c.customerName(),
                    personal.idNumber(viewer, c.idNumber()), c.agentId(), c.agentName(), c.tier(), c.segment(), c.overdueFen(), c.assignedOn(),
                    c.reviewOn(), c.method())).toList());
            model.addAttribute("moves", store.recentMoves(ids, 20));
            audit.record(viewer, "READ", "team-queue", String.valueOf(chosen.id()), agent == null ? "all agents" : "agent=" + agent);
        }
        model.addAttribute("shown", CASES_SHOWN);
        model.addAttribute("zone", clock.zone());
        return "team-queue";
    }

    /** {@code to} is an agent id, or {@code pool}. */
    @PostMapping("/team/reassign")
    String reassign(@RequestParam long team, @RequestParam(name = "caseId", required = false) List<Long> caseIds,
                    @RequestParam(required = false) String to, @RequestParam(required = false) String reason,
                    @RequestParam(required = false) Long agent, RedirectAttributes redirect) {
        Viewer viewer = viewers.current();
        Set<Long> mine = TeamsInView.of(viewer);
        try {
            Long toAgent = null;
            if (to == null || to.isBlank()) {
                throw new InvalidInputException("to", to, "choose an agent or the pool");
            }
            if (!"pool".equals(to)) {
                try {
                    toAgent = Long.parseLong(to);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException("to", to, "an agent id or pool");
                }
            }
            CaseReassignments.Moved moved = reassignments.reassign(caseIds, toAgent, reason, viewer.username(), mine);
            audit.record(viewer, "REASSIGN", "cases", caseIds.stream().map(String::valueOf).collect(Collectors.joining(",")),
                    "to=" + to + "; reason=" + reason.strip());
            redirect.addFlashAttribute("done", moved.moved());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        redirect.addAttribute("team", team);
        if (agent != null) {
            redirect.addAttribute("agent", agent);
        }
        return "redirect:/team";
    }
}
