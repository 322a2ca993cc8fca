package dev.recoup.management.web;

import dev.recoup.access.Viewer;
import dev.recoup.access.Viewers;
import dev.recoup.management.TeamsInView;
import dev.recoup.management.persistence.DayFigures;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Today's dashboard (R25): contacts, right-party contacts, promises and amounts recovered by agent and
 * by team for a business date (today by default), as tables and ECharts bar charts, and the causes of
 * delinquency debtors gave. A team lead sees its own teams.
 */
@Controller
class TodayPage {

    private final Viewers viewers;
    private final DayFigures figures;
    private final BusinessClock clock;

    TodayPage(Viewers viewers, DayFigures figures, BusinessClock clock) {
        this.viewers = viewers;
        this.figures = figures;
        this.clock = clock;
    }

    @GetMapping("/today")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        Viewer viewer = viewers.current();
        Set<Long> teams = TeamsInView.of(viewer);
        LocalDate day = date != null ? date : clock.today();
        if (day.isAfter(clock.today())) {
            throw new InvalidInputException("date", day.toString(), "must not be after today, " + clock.today());
        }
        List<DayFigures.AgentDay> agents = figures.byAgent(day, clock.zone(), TeamsInView.array(teams));
        model.addAttribute("day", day);
        model.addAttribute("today", clock.today());
        model.addAttribute("agents", agents);
        model.addAttribute("teamRows", DayFigures.byTeam(agents));
        model.addAttribute("total", DayFigures.total(agents));
        model.addAttribute("causes", figures.causes(day, clock.zone(), TeamsInView.array(teams)));
        // The charts' data as plain maps: Thymeleaf's JavaScript inlining writes maps, not records.
        model.addAttribute("chartTeams", DayFigures.byTeam(agents).stream().map(t -> chartRow(t.teamCode(), t)).toList());
        model.addAttribute("chartAgents", agents.stream().map(a -> chartRow(a.agentName(), a)).toList());
        return "today";
    }

    private static java.util.Map<String, Object> chartRow(String name, DayFigures.AgentDay d) {
        return java.util.Map.of("name", name, "contacts", d.contacts(), "rightParty", d.rightParty(), "promises", d.promises(),
                "recovered", d.recoveredFen() / 100.0);
    }
}
