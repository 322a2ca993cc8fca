package dev.recoup.strategy.domain;

/**
 * A condition that does not compile: where (segment, and step key when the step's condition is
 * at fault; line and column 1-based in the expression) and why.
 */
public record ConditionError(String segmentCode, String stepKey, String expression, int line, int column, String message) {
}
