/**
 * Task messages: the strategy's SMS, e-mail and letter tasks send themselves (R9, R13). A job (every
 * minute, {@code recoup.task-messages.schedule}) takes the open message tasks that are due and whose
 * template is a message template of their channel, and enqueues one message per task in the contact
 * module's outbox — to the debtor's own contact for that medium, filled from the case's debt — which
 * asks the contact gate right before sending and records the ledger attempt. The task is then done
 * (MESSAGE_SENT, with the message's id), or cancelled with the reason when nothing can be sent
 * (no contact for the medium, contact on hold, nothing overdue, the outbox refused it); a message
 * the gate later refuses for good turns the outcome into MESSAGE_NOT_DELIVERED with the rules.
 * Depends on casework (tasks) and contact (outbox, holds); neither depends on it.
 * docs/adr/0016-task-messages.md.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Task messages")
package dev.recoup.taskmessages;
