package dev.recoup.casework.api;

import dev.recoup.casework.ManualTask;
import dev.recoup.casework.Task;
import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.TaskPage;
import dev.recoup.casework.TaskQuery;
import dev.recoup.casework.TaskStatus;
import dev.recoup.casework.Tasks;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import dev.recoup.access.CaseScope;
import dev.recoup.access.Viewers;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/** Tasks on cases (R9): the daily run's, escalations and people's own; done, cancelled or expired with timeliness kept. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tasks")
class TaskController {

    private final Tasks tasks;
    private final Viewers viewers;
    private final CaseScope scope;

    TaskController(Tasks tasks, Viewers viewers, CaseScope scope) {
        this.tasks = tasks;
        this.viewers = viewers;
        this.scope = scope;
    }

    record NewTask(String type, String dueOn, String queue, String owner, String note) {
    }

    record Completion(String outcome, String note) {
    }

    record Cancellation(String reason) {
    }

    @GetMapping("/cases/{id}/tasks")
    @Operation(summary = "A case's tasks: open ones first by due date, then done, cancelled and expired ones, latest first")
    List<Task> ofCase(@PathVariable long id) {
        return tasks.ofCase(id);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks by queue, owner, status and due date, earliest due first")
    TaskPage search(@RequestParam(required = false) String queue, @RequestParam(required = false) String owner,
                    @Parameter(description = "OPEN, DONE, CANCELLED or EXPIRED") @RequestParam(required = false) String status,
                    @Parameter(description = "due on or before this day, YYYY-MM-DD") @RequestParam(name = "due-before", required = false) String dueBefore,
                    @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        if (page < 0 || size < 1 || size > 500) {
            throw new InvalidInputException(page < 0 ? "page" : "size", String.valueOf(page < 0 ? page : size),
                    "page must be 0 or more and size between 1 and 500");
        }
        return tasks.search(new TaskQuery(blankToNull(queue), blankToNull(owner), status(status), date("due-before", dueBefore, false), page, size,
                scope.casesVisibleTo(viewers.current(), "task.case_id")));
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One task")
    Task find(@PathVariable long id) {
        return tasks.find(id);
    }

    @PostMapping("/cases/{id}/tasks")
    @Operation(summary = "Put a task on an open case by hand", description = "type: a code such as AGENT_CALL or FIELD_VISIT; dueOn: today or "
            + "later; a queue or an owner (a user name) is required. Due at the end of its day (Beijing time).")
    ResponseEntity<Task> create(@PathVariable long id, @RequestBody NewTask body, Principal user) {
        NewTask task = body == null ? new NewTask(null, null, null, null, null) : body;
        Task created = tasks.create(id, new ManualTask(task.type(), date("dueOn", task.dueOn(), true), task.queue(), task.owner(), task.note()),
                user.getName());
        return ResponseEntity.created(URI.create("/api/v1/tasks/" + created.id())).body(created);
    }

    @PostMapping("/tasks/{id}/complete")
    @Operation(summary = "Mark an open task done with an outcome", description = "On time if done by the end of its due day. A contact outcome "
            + "moves the case forward: RIGHT_PARTY_CONTACT or REFUSED_TO_PAY to FIRST_CONTACT, PROMISE_TO_PAY or NEGOTIATING to NEGOTIATION.")
    Task complete(@PathVariable long id, @RequestBody Completion body, Principal user) {
        String code = body == null ? null : body.outcome();
        return tasks.complete(id, outcome(code), body == null ? null : body.note(), user.getName());
    }

    @PostMapping("/tasks/{id}/cancel")
    @Operation(summary = "Cancel an open task, with a reason")
    Task cancel(@PathVariable long id, @RequestBody Cancellation body, Principal user) {
        return tasks.cancel(id, body == null ? null : body.reason(), user.getName());
    }

    static TaskOutcome outcome(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("outcome", code, "outcome is required, one of " + TaskOutcome.codes());
        }
        try {
            return TaskOutcome.valueOf(code.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("outcome", code, "outcome must be one of " + TaskOutcome.codes());
        }
    }

    private static TaskStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return Arrays.stream(TaskStatus.values()).filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("status", text, "status must be one of " + Arrays.toString(TaskStatus.values())));
    }

    static LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, text, field + " is required, as YYYY-MM-DD");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, text, field + " must be a date as YYYY-MM-DD, e.g. 2026-11-22");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
