package dev.recoup.dailyrun.api;

import dev.recoup.dailyrun.DailyRun;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.dailyrun.persistence.DailyRunLedger;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

@RestController
@RequestMapping("/api/v1/daily-runs")
@Tag(name = "Daily run (日终)")
class DailyRunController {

    private final DailyRunService runs;

    DailyRunController(DailyRunService runs) {
        this.runs = runs;
    }

    record StartRequest(String businessDate) {
    }

    record Progress(int accountsDone, int accountsTotal, int percent) {
    }

    record StepView(String step, OffsetDateTime startedAt, OffsetDateTime finishedAt, Long millis) {
    }

    record RunView(long id, LocalDate businessDate, String status, String triggeredBy, Progress progress, OffsetDateTime startedAt,
                   OffsetDateTime finishedAt, String failure, Long supersededBy, List<StepView> steps, @JsonRawValue String summary) {
    }

    @PostMapping
    @Operation(summary = "Start the daily run for a business date", description = "Runs in the background; poll the returned run for progress. "
            + "Running a date again replaces its results; dates before the latest completed run, and days after today, are refused.")
    ResponseEntity<RunView> start(@RequestBody StartRequest request, Principal user) {
        LocalDate date = parseDate(request == null ? null : request.businessDate());
        long id = runs.start(date, user.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/daily-runs/" + id)).body(view(runs.find(id)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Status, progress (accounts done / total) and per-step timings of a run")
    RunView get(@PathVariable long id) {
        return view(runs.find(id));
    }

    private RunView view(DailyRun run) {
        int percent = run.accountsTotal() == 0 ? ("COMPLETED".equals(run.status()) ? 100 : 0)
                : (int) (100L * run.accountsDone() / run.accountsTotal());
        List<StepView> steps = runs.steps(run.id()).stream()
                .map(s -> new StepView(s.step(), s.startedAt(), s.finishedAt(), s.millis())).toList();
        return new RunView(run.id(), run.businessDate(), run.status(), run.triggeredBy(),
                new Progress(run.accountsDone(), run.accountsTotal(), percent), run.startedAt(), run.finishedAt(), run.failure(),
                run.supersededBy(), steps, run.summaryJson());
    }

    private static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("businessDate", text, "businessDate is required, as YYYY-MM-DD");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("businessDate", text, "businessDate must be a date as YYYY-MM-DD, e.g. 2026-11-22");
        }
    }
}
