package dev.recoup.strategy;

import java.time.OffsetDateTime;

/**
 * One change of the active version: ACTIVATE (a person), ROLLBACK (back to what was active
 * before), INSTALL (the default strategy on a fresh system).
 */
public record Activation(long id, long strategyVersionId, String strategyCode, int version, String kind, Long previousActivationId,
                         String activatedBy, OffsetDateTime activatedAt, String note) {
}
