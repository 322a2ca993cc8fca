package dev.recoup.casework.api;

import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.casework.FlowState;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.util.Arrays;

/** The case flow (R8): stage, owner role, time limit, escalations and every move; moves by hand with a reason. */
@RestController
@RequestMapping("/api/v1/cases/{id}/flow")
@Tag(name = "Case flow")
class CaseFlowController {

    private final CaseFlow flow;

    CaseFlowController(CaseFlow flow) {
        this.flow = flow;
    }

    record Move(String to, String reason) {
    }

    @GetMapping
    @Operation(summary = "The case's flow stage, its owner role and time limit, days in the stage (as of today), whether it is over the limit, "
            + "escalations and the full history of moves")
    FlowState get(@PathVariable long id) {
        return flow.flowOf(id);
    }

    @PostMapping
    @Operation(summary = "Move the case to a stage by hand, with a reason (recorded with your name)", description = "Any stage, forward or back; "
            + "a case the daily run closed (nothing overdue) only to CLOSED or ARCHIVED. Moving to CLOSED or ARCHIVED cancels its open tasks.")
    FlowState move(@PathVariable long id, @RequestBody Move body, Principal user) {
        Move move = body == null ? new Move(null, null) : body;
        return flow.move(id, stage(move.to()), move.reason(), user.getName());
    }

    static CaseStage stage(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("to", text, "to is required, one of " + Arrays.toString(CaseStage.values()));
        }
        return Arrays.stream(CaseStage.values()).filter(s -> s.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("to", text, "to must be one of " + Arrays.toString(CaseStage.values())));
    }
}
