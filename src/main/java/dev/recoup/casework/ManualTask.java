package dev.recoup.casework;

import java.time.LocalDate;

/**
 * A task a person puts on a case: a type code (AGENT_CALL, FIELD_VISIT, ... or their own, upper
 * case), the day it is due, a queue or an owner (at least one), and what is to be done.
 */
public record ManualTask(String type, LocalDate dueOn, String queue, String owner, String note) {
}
