package dev.recoup.strategy.domain;

import java.util.List;

/** Validates and compiles a definition: every condition type-checked against {@link CaseAttributes}. */
public final class StrategyCompiler {

    private StrategyCompiler() {
    }

    public sealed interface Compilation {
    }

    public record Compiled(CompiledStrategy strategy) implements Compilation {
    }

    /** Every problem found, not only the first (unknown attribute, type error, syntax, duplicate codes...). */
    public record Invalid(List<ConditionError> errors) implements Compilation {
    }

    public static Compilation compile(StrategyDefinition definition) {
        throw new UnsupportedOperationException("being implemented (issue 3)");
    }
}
