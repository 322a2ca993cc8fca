package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Validates and compiles a definition: every condition parsed and type-checked by CEL against
 * {@link CaseAttributes} ({@link #attributes()}), then translated into closures
 * (docs/adr/0005-strategy-conditions-cel.md). Every problem is reported, not only the first.
 */
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

    /** The variables a condition can use, in {@link CaseAttributes}' order, with their CEL types. */
    public static List<ConditionAttribute> attributes() {
        return AttributeCatalog.ATTRIBUTES;
    }

    /** Checks one condition on its own (e.g. while an author types it); empty when it compiles. */
    public static List<ConditionError> checkCondition(String expression) {
        return ConditionCompiler.compile(expression).issues().stream()
                .map(issue -> new ConditionError(null, null, expression, issue.line(), issue.column(), issue.message(),
                        "condition"))
                .toList();
    }

    public static Compilation compile(StrategyDefinition definition) {
        List<ConditionError> errors = new ArrayList<>();
        if (definition == null) {
            return new Invalid(List.of(definitionError(null, null, "definition", "a strategy definition is required")));
        }
        if (blank(definition.name())) {
            errors.add(definitionError(null, null, "name", "the strategy needs a name"));
        }
        List<StrategyDefinition.Segment> segments = definition.segments() == null ? List.of() : definition.segments();
        if (segments.isEmpty()) {
            errors.add(definitionError(null, null, "segments", "a strategy needs at least one segment"));
        }
        Set<String> codes = new HashSet<>();
        List<TranslatedStrategy.Segment> compiled = new ArrayList<>(segments.size());
        for (int s = 0; s < segments.size(); s++) {
            compiled.add(segment(s, segments.get(s), codes, errors));
        }
        if (!errors.isEmpty()) {
            return new Invalid(List.copyOf(errors));
        }
        return new Compiled(new TranslatedStrategy(definition, compiled));
    }

    private static TranslatedStrategy.Segment segment(int s, StrategyDefinition.Segment segment, Set<String> codes,
                                                      List<ConditionError> errors) {
        String at = "segments[" + s + "]";
        if (segment == null) {
            errors.add(definitionError(null, null, at, "segment " + (s + 1) + " is empty"));
            return null;
        }
        String code = segment.code();
        if (blank(code)) {
            errors.add(definitionError(code, null, at + ".code", "segment " + (s + 1) + " needs a code"));
        } else if (!codes.add(code)) {
            errors.add(definitionError(code, null, at + ".code", "segment code '" + code + "' is used more than once"));
        }
        if (blank(segment.nameZh())) {
            errors.add(definitionError(code, null, at + ".nameZh", "the segment needs a Chinese name (nameZh)"));
        }
        if (blank(segment.nameEn())) {
            errors.add(definitionError(code, null, at + ".nameEn", "the segment needs an English name (nameEn)"));
        }
        if (blank(segment.queue())) {
            errors.add(definitionError(code, null, at + ".queue", "the segment needs a queue (the team that works its cases)"));
        }
        Eval.Bool condition = condition(segment.condition(), code, null, at + ".condition", errors);

        List<StrategyDefinition.Step> steps = segment.steps() == null ? List.of() : segment.steps();
        Set<String> keys = new HashSet<>();
        List<TranslatedStrategy.Step> compiledSteps = new ArrayList<>(steps.size());
        for (int i = 0; i < steps.size(); i++) {
            compiledSteps.add(step(at + ".steps[" + i + "]", i, code, segment.queue(), steps.get(i), keys, errors));
        }
        return new TranslatedStrategy.Segment(condition, compiledSteps);
    }

    private static TranslatedStrategy.Step step(String at, int i, String segmentCode, String segmentQueue,
                                                StrategyDefinition.Step step, Set<String> keys, List<ConditionError> errors) {
        if (step == null) {
            errors.add(definitionError(segmentCode, null, at, "step " + (i + 1) + " is empty"));
            return null;
        }
        String key = step.key();
        if (blank(key)) {
            errors.add(definitionError(segmentCode, key, at + ".key", "step " + (i + 1) + " needs a key"));
        } else if (!keys.add(key)) {
            errors.add(definitionError(segmentCode, key, at + ".key", "step key '" + key + "' is used more than once in the segment"));
        }
        if (step.type() == null) {
            errors.add(definitionError(segmentCode, key, at + ".type", "the step needs a type"));
        }
        if (step.day() < 0) {
            errors.add(definitionError(segmentCode, key, at + ".day", "day must be 0 or more, was " + step.day()));
        }
        if (step.everyDays() < 0) {
            errors.add(definitionError(segmentCode, key, at + ".everyDays",
                    "everyDays must be 0 (once) or more, was " + step.everyDays()));
        }
        if (step.untilDay() != null && step.untilDay() < step.day()) {
            errors.add(definitionError(segmentCode, key, at + ".untilDay",
                    "untilDay (" + step.untilDay() + ") must not be before day (" + step.day() + ")"));
        }
        if (step.queue() != null && step.queue().isBlank()) {
            errors.add(definitionError(segmentCode, key, at + ".queue",
                    "the step's queue is blank; leave it out to use the segment's queue"));
        }
        Eval.Bool guard = blank(step.condition())
                ? null
                : condition(step.condition(), segmentCode, key, at + ".condition", errors);
        String queue = step.queue() == null ? segmentQueue : step.queue();
        return new TranslatedStrategy.Step(segmentCode, step, queue, guard);
    }

    private static Eval.Bool condition(String expression, String segmentCode, String stepKey, String field,
                                       List<ConditionError> errors) {
        ConditionCompiler.Result result = ConditionCompiler.compile(expression);
        for (ConditionCompiler.Issue issue : result.issues()) {
            errors.add(new ConditionError(segmentCode, stepKey, expression, issue.line(), issue.column(), issue.message(), field));
        }
        return result.condition();
    }

    private static ConditionError definitionError(String segmentCode, String stepKey, String field, String message) {
        return new ConditionError(segmentCode, stepKey, null, 0, 0, message, field);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
