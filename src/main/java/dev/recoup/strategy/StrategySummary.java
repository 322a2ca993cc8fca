package dev.recoup.strategy;

import java.time.OffsetDateTime;
import java.util.List;

/** A strategy with its versions, newest first. */
public record StrategySummary(long id, String code, String name, String createdBy, OffsetDateTime createdAt,
                              List<StrategyVersion.Summary> versions) {
}
