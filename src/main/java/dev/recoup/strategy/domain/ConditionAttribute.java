package dev.recoup.strategy.domain;

/**
 * A variable a strategy condition can use: a {@link CaseAttributes} field under the same name,
 * with its CEL type ({@code int}, {@code double}, {@code string} or {@code list(string)}).
 */
public record ConditionAttribute(String name, String type) {
}
