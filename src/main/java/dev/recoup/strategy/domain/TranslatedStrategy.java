package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A strategy whose conditions are closures: immutable, so one instance serves every thread of
 * the daily run. A condition that raises a CEL evaluation error (an overflow, a division by
 * zero) on a case does not hold for that case.
 */
final class TranslatedStrategy implements CompiledStrategy {

    record Segment(Eval.Bool condition, List<Step> steps) {
    }

    /** A step with its queue resolved and its once-occurrence built once. */
    static final class Step {
        final String segmentCode;
        final StrategyDefinition.Step definition;
        final String queue;
        final Eval.Bool guard;
        final int day;
        final int everyDays;
        final int lastDay;
        final DueStep once;

        Step(String segmentCode, StrategyDefinition.Step definition, String queue, Eval.Bool guard) {
            this.segmentCode = segmentCode;
            this.definition = definition;
            this.queue = queue;
            this.guard = guard;
            this.day = definition.day();
            this.everyDays = definition.everyDays();
            this.lastDay = definition.untilDay() == null ? Integer.MAX_VALUE : definition.untilDay();
            this.once = occurrence(day);
        }

        DueStep occurrence(int dayOfStage) {
            return new DueStep(segmentCode, definition.key(), definition.type(), dayOfStage, queue, definition.template());
        }
    }

    private final StrategyDefinition definition;
    private final Eval.Bool[] conditions;
    private final Step[][] steps;

    TranslatedStrategy(StrategyDefinition definition, List<Segment> segments) {
        this.definition = definition;
        this.conditions = segments.stream().map(Segment::condition).toArray(Eval.Bool[]::new);
        this.steps = segments.stream().map(s -> s.steps().toArray(Step[]::new)).toArray(Step[][]::new);
    }

    @Override
    public StrategyDefinition definition() {
        return definition;
    }

    @Override
    public int segmentOf(CaseAttributes attributes) {
        Eval.Bool[] conditions = this.conditions;
        for (int i = 0; i < conditions.length; i++) {
            if (holds(conditions[i], attributes)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public List<DueStep> dueSteps(int segment, CaseAttributes attributes) {
        if (segment < 0 || segment >= steps.length) {
            throw new IllegalArgumentException("no segment " + segment + "; the strategy has " + steps.length);
        }
        int today = attributes.daysInStage();
        List<DueStep> due = null;
        for (Step step : steps[segment]) {
            if (today < step.day || (step.guard != null && !holds(step.guard, attributes))) {
                continue;
            }
            DueStep occurrence;
            if (step.everyDays == 0) {
                occurrence = step.once;
            } else {
                // The latest occurrence day + k * everyDays not after today nor after untilDay.
                int last = Math.min(today, step.lastDay);
                int dayOfStage = step.day + (last - step.day) / step.everyDays * step.everyDays;
                occurrence = dayOfStage == step.day ? step.once : step.occurrence(dayOfStage);
            }
            if (due == null) {
                due = new ArrayList<>(4);
            }
            due.add(occurrence);
        }
        return due == null ? List.of() : due;
    }

    private static boolean holds(Eval.Bool condition, CaseAttributes attributes) {
        try {
            return condition.test(attributes);
        } catch (Eval.EvaluationError error) {
            return false;
        }
    }
}
