package dev.recoup.strategy;

import dev.recoup.strategy.domain.ConditionError;

import java.util.List;

/** A definition refused on save: every error, each naming segment, step, line and column. Rendered as HTTP 400. */
public class InvalidStrategyException extends RuntimeException {

    private final List<ConditionError> errors;

    public InvalidStrategyException(List<ConditionError> errors) {
        super("The strategy has " + errors.size() + (errors.size() == 1 ? " error" : " errors") + ": "
                + String.join("; ", errors.stream().map(InvalidStrategyException::describe).toList()));
        this.errors = List.copyOf(errors);
    }

    public List<ConditionError> errors() {
        return errors;
    }

    public static String describe(ConditionError e) {
        return e.describe();
    }
}
