package dev.recoup.strategy.domain;

import java.util.List;

/**
 * A strategy compiled once and evaluated for many cases; immutable and thread-safe. A condition
 * that raises a CEL evaluation error on a case (integer overflow, division by zero) does not hold
 * for that case (docs/adr/0005-strategy-conditions-cel.md).
 */
public interface CompiledStrategy {

    StrategyDefinition definition();

    /** Index of the first segment whose condition holds, or -1 when none does. */
    int segmentOf(CaseAttributes attributes);

    /**
     * Steps of segment {@code segment} due on or before {@code attributes.daysInStage()} whose
     * latest occurrence is today or was missed: for a once-step the occurrence on its day; for a
     * repeating step the latest occurrence not after today (within untilDay). Guarded steps only
     * while their condition holds.
     */
    List<DueStep> dueSteps(int segment, CaseAttributes attributes);
}
