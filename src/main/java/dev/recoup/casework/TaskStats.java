package dev.recoup.casework;

/**
 * Timeliness and follow-up counts of one case (R9): tasks done on time (at or before the end of
 * their due day) or late, left to expire, and follow-ups — tasks done with an outcome that records
 * a contact attempt ({@link TaskOutcome#contactAttempt()}).
 */
public record TaskStats(long caseId, long open, long done, long doneOnTime, long doneLate, long expired, long cancelled, long followUps) {
}
