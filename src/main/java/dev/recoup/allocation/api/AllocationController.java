package dev.recoup.allocation.api;

import dev.recoup.shared.RequestFields;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.recoup.allocation.AllocationMethod;
import dev.recoup.allocation.AllocationService;
import dev.recoup.allocation.persistence.RunStore;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/allocations")
@Tag(name = "Allocation (分案)")
class AllocationController {

    private final AllocationService allocation;
    private final RunStore runs;

    AllocationController(AllocationService allocation, RunStore runs) {
        this.allocation = allocation;
        this.runs = runs;
    }

    /**
     * @param expectedRecoveryMinor each method's expected recovery on the same cases and workers, fen
     * @param lpBoundMinor          no allocation of these cases can expect more
     * @param optimisedShareOfBound optimised ÷ LP bound
     */
    record RunView(long id, LocalDate businessDate, AllocationMethod method, boolean dryRun, String triggeredBy, long dailyRunId,
                   OffsetDateTime startedAt, OffsetDateTime finishedAt, int casesToAllocate, int casesAssigned, Map<String, Integer> ended,
                   Map<String, Long> expectedRecoveryMinor, Long lpBoundMinor, Double optimisedShareOfBound, Long solveMillis,
                   @JsonRawValue String details) {

        static RunView of(RunStore.RunRow r) {
            Map<String, Integer> ended = new LinkedHashMap<>();
            ended.put("CASE_CLOSED", r.endedCaseClosed());
            ended.put("RECALLED", r.endedRecalled());
            ended.put("STAGE_CHANGED", r.endedStageChanged());
            ended.put("REALLOCATED", r.endedReallocated());
            Map<String, Long> expected = new LinkedHashMap<>();
            expected.put("ROUND_ROBIN", r.expectedRoundRobin());
            expected.put("SNAKE", r.expectedSnake());
            expected.put("OPTIMISED", r.expectedOptimised());
            Double share = r.expectedOptimised() == null || r.lpBound() == null || r.lpBound() == 0 ? null
                    : Math.round(10_000.0 * r.expectedOptimised() / r.lpBound()) / 10_000.0;
            return new RunView(r.id(), r.businessDate(), r.method(), r.dryRun(), r.triggeredBy(), r.dailyRunId(), r.startedAt(), r.finishedAt(),
                    r.casesToAllocate(), r.casesAssigned(), ended, expected, r.lpBound(), share, r.solveMillis(), r.detailsJson());
        }
    }

    record RunDetail(RunView run, List<RunStore.WorkerRow> workers, Page assignments) {
    }

    record Page(int page, int size, long total, List<RunStore.AssignmentRow> items) {
    }

    @PostMapping("/run")
    @Operation(summary = "Allocate the open cases now", description = """
            Body: {"method": "ROUND_ROBIN" | "SNAKE" | "OPTIMISED", "dryRun": false, "businessDate": "YYYY-MM-DD" (optional, defaults to the
            latest daily run's date)}. Ends what ends today (closed cases, ended agency placements, stage changes, due reviews), deals the
            cases that need a worker by the chosen method, and records every method's expected recovery and the LP upper bound side by
            side. A dry run changes nothing and keeps its proposal. 409 while another allocation runs or before any daily run.""")
    ResponseEntity<RunView> run(@RequestBody(required = false) JsonNode body, Principal user) {
        RequestFields fields = new RequestFields(body);
        AllocationMethod method = fields.choice("method", AllocationMethod.class);
        if (method == null) {
            throw new InvalidInputException("method", null, "method is required: ROUND_ROBIN, SNAKE or OPTIMISED");
        }
        var outcome = allocation.run(method, fields.date("businessDate"), fields.bool("dryRun", false), user.getName());
        RunView view = RunView.of(runs.find(outcome.runId()).orElseThrow());
        return ResponseEntity.created(URI.create("/api/v1/allocations/runs/" + view.id())).body(view);
    }

    @GetMapping("/runs")
    @Operation(summary = "The most recent allocation runs, newest first")
    List<RunView> recent(@RequestParam(defaultValue = "20") int limit) {
        if (limit < 1 || limit > 200) {
            throw new InvalidInputException("limit", String.valueOf(limit), "limit must be from 1 to 200");
        }
        return runs.recent(limit).stream().map(RunView::of).toList();
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "A run: its figures, each worker's new cases and load, and who got what (paged, by case id)")
    RunDetail run(@PathVariable long id, @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
                  @RequestParam(required = false) String worker) {
        if (page < 0) {
            throw new InvalidInputException("page", String.valueOf(page), "page must be 0 or more");
        }
        if (size < 1 || size > 500) {
            throw new InvalidInputException("size", String.valueOf(size), "size must be from 1 to 500");
        }
        RunStore.RunRow run = runs.find(id).orElseThrow(() -> new NotFoundException("allocation run", id));
        return new RunDetail(RunView.of(run), runs.workers(id),
                new Page(page, size, runs.assignmentCount(run, worker), runs.assignments(run, worker, page, size)));
    }
}
