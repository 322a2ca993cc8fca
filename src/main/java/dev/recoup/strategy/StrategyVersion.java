package dev.recoup.strategy;

import dev.recoup.strategy.domain.StrategyDefinition;

import java.time.OffsetDateTime;

/**
 * One saved version of a strategy. {@code id} is the version's system-wide id (experiments and
 * tasks' source refer to it); {@code version} counts within the strategy. Status DRAFT (saved,
 * never active), ACTIVE (applied by the daily run), RETIRED (was active).
 */
public record StrategyVersion(long id, String strategyCode, String strategyName, int version, String status, String createdBy,
                              OffsetDateTime createdAt, OffsetDateTime activatedAt, String note, StrategyDefinition definition) {

    /** Without the definition, for lists. */
    public record Summary(long id, String strategyCode, int version, String status, String createdBy, OffsetDateTime createdAt,
                          OffsetDateTime activatedAt, String note, int segments) {
    }

    public Summary summary() {
        return new Summary(id, strategyCode, version, status, createdBy, createdAt, activatedAt, note,
                definition == null || definition.segments() == null ? 0 : definition.segments().size());
    }
}
