package dev.recoup.dailyrun.web;

import dev.recoup.dailyrun.DailyRun;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.delinquency.domain.Bucket;
import dev.recoup.delinquency.domain.Tier;
import dev.recoup.dailyrun.persistence.DailyRunLedger;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.security.Principal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The first page: the latest daily run, open cases by tier × bucket, and starting a run. */
@Controller
class DashboardPage {

    static final List<String> TIERS = Arrays.stream(Tier.values()).map(Tier::name).toList();
    /** Open cases are overdue, so M0 never has any. */
    static final List<String> BUCKETS = Arrays.stream(Bucket.values()).filter(b -> b != Bucket.M0).map(Bucket::code).toList();

    private final DailyRunLedger ledger;
    private final DailyRunService runs;
    private final ObjectMapper json;
    private final BusinessClock clock;

    DashboardPage(DailyRunLedger ledger, DailyRunService runs, ObjectMapper json, BusinessClock clock) {
        this.ledger = ledger;
        this.runs = runs;
        this.json = json;
        this.clock = clock;
    }

    /** One cell of the tier × bucket table. */
    record Cell(long cases, String overdueYuan) {
    }

    @GetMapping("/")
    String dashboard(Model model) {
        var current = ledger.current();
        model.addAttribute("current", current.orElse(null));
        model.addAttribute("today", clock.today());
        model.addAttribute("running", ledger.running().orElse(null));
        model.addAttribute("recent", ledger.recent(10));
        model.addAttribute("tiers", TIERS);
        model.addAttribute("buckets", BUCKETS);
        current.map(DailyRun::summaryJson).map(json::readTree).ifPresent(summary -> {
            Map<String, Cell> cells = new LinkedHashMap<>();
            Map<String, long[]> tierTotals = new LinkedHashMap<>();
            for (JsonNode cell : summary.path("openCasesByTierAndBucket")) {
                String tier = cell.path("tier").asString(), bucket = cell.path("bucket").asString();
                long cases = cell.path("cases").asLong(), overdue = cell.path("overdueMinor").asLong();
                cells.put(tier + "/" + bucket, new Cell(cases, yuan(overdue)));
                long[] total = tierTotals.computeIfAbsent(tier, t -> new long[2]);
                total[0] += cases;
                total[1] += overdue;
            }
            Map<String, Cell> totals = new LinkedHashMap<>();
            tierTotals.forEach((tier, t) -> totals.put(tier, new Cell(t[0], yuan(t[1]))));
            model.addAttribute("cells", cells);
            model.addAttribute("tierTotals", totals);
            model.addAttribute("summary", summary);
            model.addAttribute("overdueYuan", yuan(summary.path("overdueTotalMinor").asLong()));
        });
        return "dashboard";
    }

    @PostMapping("/daily-runs")
    String start(@RequestParam LocalDate businessDate, Principal user, RedirectAttributes redirect) {
        try {
            runs.start(businessDate, user.getName());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + " " + e.value() + ": " + e.getMessage());
        }
        return "redirect:/";
    }

    /** Polled by the page every second while a run is in progress. */
    @GetMapping("/daily-runs/{id}/progress")
    String progress(@PathVariable long id, Model model) {
        model.addAttribute("run", runs.find(id));
        return "dashboard :: progress";
    }

    static String yuan(long minor) {
        return String.format("%,.2f", java.math.BigDecimal.valueOf(minor, 2));
    }
}
