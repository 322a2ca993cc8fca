package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What changed between two versions of a strategy: segments added, removed and changed (field by
 * field, old → new), the order of the segments both have (the first matching segment wins), and
 * within a changed segment the steps added, removed and changed. {@link #text()} says the same in lines.
 */
public record StrategyDiff(List<FieldChange> strategyChanges, List<SegmentRef> segmentsAdded, List<SegmentRef> segmentsRemoved,
                           List<SegmentChange> segmentsChanged) {

    public record FieldChange(String field, String oldValue, String newValue) {
    }

    public record SegmentRef(String code, int position, String condition) {
    }

    public record StepChange(String key, List<FieldChange> changes) {
    }

    public record SegmentChange(String code, List<FieldChange> changes, List<String> stepsAdded, List<String> stepsRemoved,
                                List<StepChange> stepsChanged) {
    }

    public boolean isEmpty() {
        return strategyChanges.isEmpty() && segmentsAdded.isEmpty() && segmentsRemoved.isEmpty() && segmentsChanged.isEmpty();
    }

    public static StrategyDiff between(StrategyDefinition from, StrategyDefinition to) {
        List<FieldChange> strategy = new ArrayList<>();
        field(strategy, "name", from.name(), to.name());
        field(strategy, "description", from.description(), to.description());

        Map<String, Integer> oldPositions = positions(from), newPositions = positions(to);
        List<SegmentRef> added = new ArrayList<>(), removed = new ArrayList<>();
        List<SegmentChange> changed = new ArrayList<>();
        for (int i = 0; i < segments(from).size(); i++) {
            StrategyDefinition.Segment s = segments(from).get(i);
            if (!newPositions.containsKey(s.code())) {
                removed.add(new SegmentRef(s.code(), i + 1, s.condition()));
            }
        }
        for (int i = 0; i < segments(to).size(); i++) {
            StrategyDefinition.Segment s = segments(to).get(i);
            Integer oldIndex = oldPositions.get(s.code());
            if (oldIndex == null) {
                added.add(new SegmentRef(s.code(), i + 1, s.condition()));
                continue;
            }
            StrategyDefinition.Segment old = segments(from).get(oldIndex);
            List<FieldChange> fields = new ArrayList<>();
            field(fields, "nameZh", old.nameZh(), s.nameZh());
            field(fields, "nameEn", old.nameEn(), s.nameEn());
            field(fields, "condition", old.condition(), s.condition());
            field(fields, "queue", old.queue(), s.queue());
            Map<String, StrategyDefinition.Step> oldSteps = steps(old), newSteps = steps(s);
            List<String> stepsAdded = newSteps.keySet().stream().filter(k -> !oldSteps.containsKey(k)).toList();
            List<String> stepsRemoved = oldSteps.keySet().stream().filter(k -> !newSteps.containsKey(k)).toList();
            List<StepChange> stepsChanged = new ArrayList<>();
            newSteps.forEach((key, step) -> {
                StrategyDefinition.Step before = oldSteps.get(key);
                if (before != null) {
                    List<FieldChange> stepFields = stepChanges(before, step);
                    if (!stepFields.isEmpty()) {
                        stepsChanged.add(new StepChange(key, stepFields));
                    }
                }
            });
            List<String> oldOrder = List.copyOf(oldSteps.keySet()).stream().filter(newSteps::containsKey).toList();
            List<String> newOrder = List.copyOf(newSteps.keySet()).stream().filter(oldSteps::containsKey).toList();
            field(fields, "stepOrder", oldOrder.equals(newOrder) ? null : String.join(",", oldOrder),
                    oldOrder.equals(newOrder) ? null : String.join(",", newOrder));
            if (!fields.isEmpty() || !stepsAdded.isEmpty() || !stepsRemoved.isEmpty() || !stepsChanged.isEmpty()) {
                changed.add(new SegmentChange(s.code(), fields, stepsAdded, stepsRemoved, stepsChanged));
            }
        }
        // The first matching segment wins, so the order of the segments both versions have matters.
        List<String> oldOrder = oldPositions.keySet().stream().filter(newPositions::containsKey).toList();
        List<String> newOrder = newPositions.keySet().stream().filter(oldPositions::containsKey).toList();
        if (!oldOrder.equals(newOrder)) {
            strategy.add(new FieldChange("segmentOrder", String.join(",", oldOrder), String.join(",", newOrder)));
        }
        return new StrategyDiff(strategy, added, removed, changed);
    }

    /** The diff as lines: "+ segment", "- segment", "~ segment field: old → new", "~ segment step ...". */
    public String text() {
        StringBuilder out = new StringBuilder();
        for (FieldChange c : strategyChanges) {
            out.append("~ strategy ").append(c.field()).append(": ").append(show(c.oldValue())).append(" → ").append(show(c.newValue())).append('\n');
        }
        for (SegmentRef s : segmentsRemoved) {
            out.append("- segment ").append(s.code()).append(" (was #").append(s.position()).append("): ").append(show(s.condition())).append('\n');
        }
        for (SegmentRef s : segmentsAdded) {
            out.append("+ segment ").append(s.code()).append(" (#").append(s.position()).append("): ").append(show(s.condition())).append('\n');
        }
        for (SegmentChange s : segmentsChanged) {
            for (FieldChange c : s.changes()) {
                out.append("~ segment ").append(s.code()).append(' ').append(c.field()).append(": ")
                        .append(show(c.oldValue())).append(" → ").append(show(c.newValue())).append('\n');
            }
            for (String k : s.stepsRemoved()) {
                out.append("- segment ").append(s.code()).append(" step ").append(k).append('\n');
            }
            for (String k : s.stepsAdded()) {
                out.append("+ segment ").append(s.code()).append(" step ").append(k).append('\n');
            }
            for (StepChange step : s.stepsChanged()) {
                for (FieldChange c : step.changes()) {
                    out.append("~ segment ").append(s.code()).append(" step ").append(step.key()).append(' ').append(c.field()).append(": ")
                            .append(show(c.oldValue())).append(" → ").append(show(c.newValue())).append('\n');
                }
            }
        }
        return out.isEmpty() ? "(no differences)\n" : out.toString();
    }

    private static List<FieldChange> stepChanges(StrategyDefinition.Step a, StrategyDefinition.Step b) {
        List<FieldChange> out = new ArrayList<>();
        field(out, "type", a.type() == null ? null : a.type().name(), b.type() == null ? null : b.type().name());
        field(out, "day", String.valueOf(a.day()), String.valueOf(b.day()));
        field(out, "everyDays", String.valueOf(a.everyDays()), String.valueOf(b.everyDays()));
        field(out, "untilDay", a.untilDay() == null ? null : a.untilDay().toString(), b.untilDay() == null ? null : b.untilDay().toString());
        field(out, "queue", a.queue(), b.queue());
        field(out, "template", a.template(), b.template());
        field(out, "condition", a.condition(), b.condition());
        return out;
    }

    private static void field(List<FieldChange> out, String name, String oldValue, String newValue) {
        if (!Objects.equals(oldValue, newValue)) {
            out.add(new FieldChange(name, oldValue, newValue));
        }
    }

    private static List<StrategyDefinition.Segment> segments(StrategyDefinition d) {
        return d.segments() == null ? List.of() : d.segments();
    }

    private static Map<String, Integer> positions(StrategyDefinition d) {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (int i = 0; i < segments(d).size(); i++) {
            out.putIfAbsent(segments(d).get(i).code(), i);
        }
        return out;
    }

    private static Map<String, StrategyDefinition.Step> steps(StrategyDefinition.Segment s) {
        Map<String, StrategyDefinition.Step> out = new LinkedHashMap<>();
        if (s.steps() != null) {
            s.steps().forEach(step -> out.putIfAbsent(step.key(), step));
        }
        return out;
    }

    private static String show(String value) {
        return value == null ? "(none)" : "\"" + value + "\"";
    }
}
