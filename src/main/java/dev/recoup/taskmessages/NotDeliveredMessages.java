package dev.recoup.taskmessages;

import dev.recoup.casework.TaskOutcome;
import dev.recoup.casework.Tasks;
import dev.recoup.contact.OutboundMessageNotSent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task's message that ended without reaching the debtor — refused for good by the contact gate
 * (BLOCKED), or FAILED — turns the task's outcome from MESSAGE_SENT into MESSAGE_NOT_DELIVERED, with
 * the message id and the reason (the gate's rule ids) added to its note: the case's follow-ups count
 * no contact that did not happen, and people see why. Runs in the outbox's transaction, in a
 * savepoint: trouble here never holds up the outbox.
 */
@Component
class NotDeliveredMessages {

    private static final Logger log = LoggerFactory.getLogger(NotDeliveredMessages.class);
    private static final Pattern TASK_KEY = Pattern.compile("task/(\\d{1,18})");

    private final Tasks tasks;
    private final TransactionTemplate savepoint;

    NotDeliveredMessages(Tasks tasks, PlatformTransactionManager transactions) {
        this.tasks = tasks;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @EventListener
    void on(OutboundMessageNotSent message) {
        Matcher key = TASK_KEY.matcher(message.idempotencyKey() == null ? "" : message.idempotencyKey());
        if (!key.matches()) {
            return;
        }
        long taskId = Long.parseLong(key.group(1));
        String note = note(message);
        savepoint.executeWithoutResult(status -> {
            try {
                tasks.reviseOutcome(taskId, TaskOutcome.MESSAGE_SENT, TaskOutcome.MESSAGE_NOT_DELIVERED, note, "outbox");
            } catch (RuntimeException e) {
                log.warn("Task {}: could not record that message {} was not delivered ({})", taskId, message.messageId(), e.toString());
                status.setRollbackOnly();
            }
        });
    }

    static String note(OutboundMessageNotSent message) {
        String why = !message.ruleIds().isEmpty() ? "contact gate refused it (" + String.join(", ", message.ruleIds()) + ")"
                : message.reason() == null ? "it failed" : message.reason();
        String zh = message.status().equals("BLOCKED") ? "被联系合规规则拦截" : "发送失败";
        return "消息 " + message.messageId() + " 未送达（" + zh + "）· message " + message.messageId() + " " + message.status() + ": " + why;
    }
}
