package dev.recoup.strategy.domain;

/** The default strategy encoding the seeds (R4, R6). */
public final class DefaultStrategy {

    private DefaultStrategy() {
    }

    public static StrategyDefinition definition() {
        throw new UnsupportedOperationException("being implemented (issue 3)");
    }
}
