package dev.recoup.strategy.api;

import dev.recoup.shared.InvalidInputException;
import dev.recoup.strategy.Experiment;
import dev.recoup.strategy.ExperimentReport;
import dev.recoup.strategy.Experiments;
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
import java.util.List;

/** Champion/challenger experiments between strategy versions (R6). */
@RestController
@RequestMapping("/api/v1/experiments")
@Tag(name = "Strategy experiments")
class ExperimentController {

    private final Experiments experiments;

    ExperimentController(Experiments experiments) {
        this.experiments = experiments;
    }

    record StartRequest(String name, Long seed, List<Experiments.ArmRequest> arms) {
    }

    @PostMapping
    @Operation(summary = "Start an experiment: arms [{code, strategyVersionId, percent}] with percentages adding up to 100",
            description = "From the next daily run on, every open case is assigned an arm by a stable hash of the seed and the case id, keeps it,"
                    + " and is treated by its arm's strategy version. One experiment runs at a time (409 otherwise).")
    ResponseEntity<Experiment> start(@RequestBody StartRequest request, Principal user) {
        if (request == null) {
            throw new InvalidInputException("body", null, "send {name, arms: [{code, strategyVersionId, percent}]}");
        }
        Experiment started = experiments.start(request.name(), request.seed(), request.arms(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/experiments/" + started.id())).body(started);
    }

    @GetMapping
    @Operation(summary = "Every experiment, latest first")
    List<Experiment> list() {
        return experiments.list();
    }

    @GetMapping("/{id}")
    Experiment get(@PathVariable long id) {
        return experiments.find(id);
    }

    @PostMapping("/{id}/stop")
    @Operation(summary = "Stop an experiment: from the next daily run on, its cases are treated by the active version again")
    Experiment stop(@PathVariable long id) {
        return experiments.stop(id);
    }

    @GetMapping("/{id}/report")
    @Operation(summary = "Per arm: cases, overdue at entry, recovered since entry, recovery rate, contacts, promises; the difference of"
            + " recovery rates between arms with a 95% confidence interval (method in the report)")
    ExperimentReport report(@PathVariable long id) {
        return experiments.report(id);
    }
}
