package dev.recoup.strategy.domain;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;

import java.util.Optional;

/**
 * CEL's own interpreter over the same checked tree and the same attributes: the reference the
 * closures are proved against, and the "CEL interpreter" line of the benchmark.
 */
final class CelReference {

    enum Outcome { TRUE, FALSE, ERROR }

    static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(ConditionCompiler.OPTIONS)
            .build();

    private CelReference() {
    }

    static CelRuntime.Program program(CelAbstractSyntaxTree ast) {
        try {
            return RUNTIME.createProgram(ast);
        } catch (CelEvaluationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attributes as CEL variables, read on demand (no map built per case). */
    static Object evaluate(CelRuntime.Program program, CaseAttributes attributes) throws CelEvaluationException {
        return program.eval(name -> {
            AttributeCatalog.Variable variable = AttributeCatalog.VARIABLES.get(name);
            return variable == null ? Optional.empty() : Optional.of(variable.celValue(attributes));
        });
    }

    static Outcome outcome(CelRuntime.Program program, CaseAttributes attributes) {
        try {
            Object value = evaluate(program, attributes);
            if (!(value instanceof Boolean b)) {
                throw new AssertionError("CEL returned " + value + " for a bool condition");
            }
            return b ? Outcome.TRUE : Outcome.FALSE;
        } catch (CelEvaluationException e) {
            return Outcome.ERROR;
        }
    }

    static Outcome outcome(Eval.Bool closure, CaseAttributes attributes) {
        try {
            return closure.test(attributes) ? Outcome.TRUE : Outcome.FALSE;
        } catch (Eval.EvaluationError e) {
            return Outcome.ERROR;
        }
    }
}
