package dev.recoup.strategy.domain;

/**
 * A problem that keeps a definition from compiling: where (segment, and step key when a step is
 * at fault; line and column 1-based in the expression, 0 when the problem is not in an
 * expression), which field ({@code segments[2].steps[0].untilDay}) and why.
 */
public record ConditionError(String segmentCode, String stepKey, String expression, int line, int column, String message,
                             String field) {

    /** Without a field path (kept for callers written against the first contract). */
    public ConditionError(String segmentCode, String stepKey, String expression, int line, int column, String message) {
        this(segmentCode, stepKey, expression, line, column, message, null);
    }

    /** "segment T2-31-90, step call, line 1 column 5: ..." — for logs and plain-text reports. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        if (segmentCode != null && !segmentCode.isBlank()) {
            text.append("segment ").append(segmentCode);
        }
        if (stepKey != null && !stepKey.isBlank()) {
            text.append(text.isEmpty() ? "" : ", ").append("step ").append(stepKey);
        }
        if (field != null) {
            text.append(text.isEmpty() ? "" : ", ").append(field);
        }
        if (line > 0) {
            text.append(text.isEmpty() ? "" : ", ").append("line ").append(line).append(" column ").append(column);
        }
        return text.append(text.isEmpty() ? "" : ": ").append(message).toString();
    }
}
