package dev.recoup.taskmessages.api;

import dev.recoup.taskmessages.TaskMessageDispatcher;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/task-messages")
@Tag(name = "Task messages")
class TaskMessageController {

    private final TaskMessageDispatcher dispatcher;

    TaskMessageController(TaskMessageDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @PostMapping("/dispatch")
    @Operation(summary = "Send the due SMS, e-mail and letter tasks to the outbox now",
            description = "What the job does every minute (recoup.task-messages.schedule): every open message task due today or earlier whose "
                    + "template is a message template of its channel becomes one outbox message to the debtor's own contact, and the task is "
                    + "done (MESSAGE_SENT) or cancelled with the reason (NO_CONTACT_FOR_CHANNEL, CONTACT_HOLD, NOTHING_OVERDUE, MESSAGE_REFUSED). "
                    + "Managers and administrators.")
    TaskMessageDispatcher.Report dispatch() {
        return dispatcher.runOnce();
    }
}
