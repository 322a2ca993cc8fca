package dev.recoup.agreements;

import dev.recoup.agreements.domain.PromiseStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A promise to pay as recorded and judged. Amounts in fen.
 *
 * @param requiredMinor the least payment that keeps it (the amount less the tolerance in force when recorded)
 * @param graceEndsOn   the last day a payment counts (the promised date plus the grace days)
 * @param paidMinor     paid towards it on its accounts since it was recorded, as of the last judgement
 * @param judgedBy      PAYMENT (at once, when a payment was posted), DAILY_RUN or PERSON (cancelled)
 */
public record Promise(long id, long caseId, String customerId, LocalDate promisedOn, long amountMinor, long requiredMinor, LocalDate graceEndsOn,
                      String channel, String agentId, String agentName, String teamCode, LocalDate recordedOn, Instant recordedAt,
                      String recordedBy, String note, PromiseStatus status, long paidMinor, LocalDate judgedOn, String judgedBy,
                      String cancelReason, List<String> accountIds, List<Reminder> reminders) {

    /** A reminder handed to the outbox: for which date, how many days before it, the outbox message. */
    public record Reminder(LocalDate dueOn, int daysBefore, long messageId, LocalDate enqueuedOn) {
    }
}
