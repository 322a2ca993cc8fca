package dev.recoup.strategy.domain;

import java.util.Collection;

/**
 * The compiled form of a condition: small closures over {@link CaseAttributes}, one per node of
 * the checked CEL expression, typed like it. A CEL evaluation error (integer overflow, division
 * by zero, a double out of int range) is thrown as {@link EvaluationError}; {@code &&} and
 * {@code ||} absorb it the way CEL does when the other side decides.
 */
final class Eval {

    private Eval() {
    }

    @FunctionalInterface
    interface Bool {
        boolean test(CaseAttributes a);
    }

    @FunctionalInterface
    interface Int {
        long eval(CaseAttributes a);
    }

    @FunctionalInterface
    interface Double {
        double eval(CaseAttributes a);
    }

    @FunctionalInterface
    interface Text {
        String eval(CaseAttributes a);
    }

    /** A list of strings (the value of a list(string) attribute or literal). */
    @FunctionalInterface
    interface Texts {
        Collection<String> eval(CaseAttributes a);
    }

    /** CEL's "error" value; cheap (no stack trace) because a condition over bad data may raise it often. */
    static final class EvaluationError extends RuntimeException {
        EvaluationError(String message) {
            super(message, null, false, false);
        }
    }
}
