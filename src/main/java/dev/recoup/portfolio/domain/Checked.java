package dev.recoup.portfolio.domain;

import java.util.Arrays;
import java.util.List;

/** The outcome of checking one value: the normalised value, or why it is not acceptable. */
public sealed interface Checked<T> {

    record Valid<T>(T value) implements Checked<T> {
    }

    record Invalid<T>(ReasonCode code, List<String> args) implements Checked<T> {
    }

    static <T> Checked<T> valid(T value) {
        return new Valid<>(value);
    }

    static <T> Checked<T> invalid(ReasonCode code, Object... args) {
        return new Invalid<>(code, Arrays.stream(args).map(String::valueOf).toList());
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** The value; only for a {@link Valid} outcome. */
    default T value() {
        if (this instanceof Valid<T> v) {
            return v.value();
        }
        throw new IllegalStateException("not valid: " + this);
    }
}
