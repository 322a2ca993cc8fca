package dev.recoup.strategy.api;

import dev.recoup.shared.InvalidInputException;
import dev.recoup.strategy.Activation;
import dev.recoup.strategy.InvalidStrategyException;
import dev.recoup.strategy.StrategyCatalogue;
import dev.recoup.strategy.StrategyPreview;
import dev.recoup.strategy.StrategySummary;
import dev.recoup.strategy.StrategyVersion;
import dev.recoup.strategy.domain.ConditionError;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.domain.StrategyDiff;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

/** Strategies as versioned data (R6). Reading and validating for everyone signed in; changes for managers and administrators. */
@RestController
@RequestMapping("/api/v1/strategies")
@Tag(name = "Strategies")
class StrategyController {

    private final StrategyCatalogue catalogue;
    private final StrategyPreview preview;

    StrategyController(StrategyCatalogue catalogue, StrategyPreview preview) {
        this.catalogue = catalogue;
        this.preview = preview;
    }

    record CreateRequest(String code, String name, String note, StrategyDefinition definition) {
    }

    record VersionRequest(String note, StrategyDefinition definition) {
    }

    record ActivateRequest(String note) {
    }

    record Validation(boolean valid, int segments, List<ErrorView> errors) {
    }

    record DiffView(String strategyCode, int fromVersion, int toVersion, StrategyDiff diff, String text) {
    }

    record RollbackView(Activation active, String message) {
    }

    @GetMapping
    @Operation(summary = "Every strategy with its versions (status DRAFT, ACTIVE or RETIRED), newest first")
    List<StrategySummary> list() {
        return catalogue.list();
    }

    @PostMapping
    @Operation(summary = "Create a strategy with its first version (DRAFT) from a definition",
            description = "Every condition is compiled; a definition with errors is refused with 400 and every error"
                    + " (segment, step, line, column, message) in the problem's `errors`.")
    ResponseEntity<StrategyVersion> create(@RequestBody CreateRequest request, Principal user) {
        if (request == null) {
            throw new InvalidInputException("body", null, "send {code, name, note, definition}");
        }
        StrategyVersion created = catalogue.create(request.code(), request.name(), request.definition(), request.note(), user.getName());
        return ResponseEntity.created(location(created)).body(created);
    }

    @PostMapping("/validate")
    @Operation(summary = "Validate a definition without saving it: valid, or every error with segment, step, line and column")
    Validation validate(@RequestBody StrategyDefinition definition) {
        List<ConditionError> errors = catalogue.validate(definition);
        return new Validation(errors.isEmpty(), definition.segments() == null ? 0 : definition.segments().size(),
                errors.stream().map(StrategyController::error).toList());
    }

    @GetMapping("/active")
    @Operation(summary = "The version the daily run applies to cases outside an experiment")
    StrategyVersion active() {
        return catalogue.active().orElseThrow(() -> new dev.recoup.shared.NotFoundException("active strategy version", "none"));
    }

    @GetMapping("/activations")
    @Operation(summary = "Every activation and rollback, latest first")
    List<Activation> activations(@RequestParam(defaultValue = "50") int limit) {
        return catalogue.activations(Math.clamp(limit, 1, 500));
    }

    @PostMapping("/rollback")
    @Operation(summary = "Re-activate the version that was active before the current one (recorded as a ROLLBACK)")
    RollbackView rollback(@RequestBody(required = false) ActivateRequest request, Principal user) {
        Activation done = catalogue.rollback(user.getName(), request == null ? null : request.note());
        return new RollbackView(done, "Active: " + done.strategyCode() + " v" + done.version());
    }

    @GetMapping("/{code}")
    @Operation(summary = "A strategy with its versions")
    StrategySummary strategy(@PathVariable String code) {
        return catalogue.strategy(code);
    }

    @GetMapping("/{code}/versions")
    @Operation(summary = "A strategy's versions, newest first")
    List<StrategyVersion.Summary> versions(@PathVariable String code) {
        return catalogue.strategy(code).versions();
    }

    @PostMapping("/{code}/versions")
    @Operation(summary = "Save a new version (DRAFT) of a strategy; refused with 400 and every error when a condition does not compile")
    ResponseEntity<StrategyVersion> addVersion(@PathVariable String code, @RequestBody VersionRequest request, Principal user) {
        if (request == null) {
            throw new InvalidInputException("body", null, "send {note, definition}");
        }
        StrategyVersion created = catalogue.addVersion(code, request.definition(), request.note(), user.getName());
        return ResponseEntity.created(location(created)).body(created);
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(summary = "A version with its definition")
    StrategyVersion version(@PathVariable String code, @PathVariable int version) {
        return catalogue.version(code, version);
    }

    @GetMapping("/{code}/versions/{from}/diff/{to}")
    @Operation(summary = "What changed from one version to another: segments added, removed and changed field by field, steps; also as text")
    DiffView diff(@PathVariable String code, @PathVariable int from, @PathVariable int to) {
        StrategyDiff diff = catalogue.diff(code, from, to);
        return new DiffView(code, from, to, diff, diff.text());
    }

    @PostMapping("/{code}/versions/{version}/activate")
    @Operation(summary = "Make this version the one the daily run applies (the active one becomes RETIRED)")
    Activation activate(@PathVariable String code, @PathVariable int version, @RequestBody(required = false) ActivateRequest request,
                        Principal user) {
        return catalogue.activate(code, version, user.getName(), request == null ? null : request.note());
    }

    @PostMapping("/{code}/versions/{version}/preview")
    @Operation(summary = "Which open cases of the current run fall in which segment (counts, overdue in fen); writes nothing",
            description = "date (yyyy-MM-dd) is the day evaluated for age and days in stage; default the current run's business date.")
    StrategyPreview.Preview preview(@PathVariable String code, @PathVariable int version, @RequestParam(required = false) String date) {
        return preview.preview(code, version, parseDate(date));
    }

    @ExceptionHandler
    ProblemDetail invalidStrategy(InvalidStrategyException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Invalid strategy");
        problem.setType(URI.create("urn:recoup:problem:invalid-strategy"));
        problem.setProperty("errors", e.errors().stream().map(StrategyController::error).toList());
        return problem;
    }

    /**
     * One error as the API shows it: segment, step (null for the segment's own condition), line and
     * column in the expression (0 when not in an expression), message, the field path and the expression.
     */
    record ErrorView(String segment, String step, int line, int column, String message, String field, String expression) {
    }

    private static ErrorView error(ConditionError e) {
        return new ErrorView(e.segmentCode(), e.stepKey(), e.line(), e.column(), e.message(), e.field(), e.expression());
    }

    private static URI location(StrategyVersion v) {
        return URI.create("/api/v1/strategies/" + v.strategyCode() + "/versions/" + v.version());
    }

    static LocalDate parseDate(String date) {
        if (date == null || date.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(date);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInputException("date", date, "not a date; write yyyy-MM-dd");
        }
    }
}
