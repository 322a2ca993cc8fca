package dev.recoup.casework;

import java.time.LocalDate;

/**
 * A task a strategy (or a person) wants on a case. (caseId, stepKey, dueOn) identifies it: the
 * same draft offered again — a re-run of the day — creates nothing.
 *
 * @param type     a strategy step type name (SMS, ROBOT_CALL, AGENT_CALL, ...) or MANUAL/ESCALATION
 * @param stepKey  "segmentCode/stepKey" for strategy tasks
 * @param queue    the queue (team code) that works it; required
 * @param template template code for messages and documents, or null
 * @param source   who asked for it: "strategy:{versionId}" or a user name
 */
public record TaskDraft(long caseId, String type, String stepKey, LocalDate dueOn, String queue, String template, String source) {
}
