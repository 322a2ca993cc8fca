package dev.recoup.strategy.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StrategyDiffTest {

    static StrategyDefinition.Step call(int everyDays) {
        return new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, everyDays, null, null, null, null);
    }

    static StrategyDefinition.Segment segment(String code, String condition, StrategyDefinition.Step... steps) {
        return new StrategyDefinition.Segment(code, "分群" + code, "Segment " + code, condition, "phone-t2", List.of(steps));
    }

    @Test
    void aChangedConditionIsListedWithOldAndNewValue() {
        var from = new StrategyDefinition("s", "", List.of(segment("late", "dpd > 30", call(3)), segment("rest", "true")));
        var to = new StrategyDefinition("s", "", List.of(segment("late", "dpd > 60", call(3)), segment("rest", "true")));

        StrategyDiff diff = StrategyDiff.between(from, to);

        assertThat(diff.segmentsChanged()).singleElement().satisfies(s -> {
            assertThat(s.code()).isEqualTo("late");
            assertThat(s.changes()).containsExactly(new StrategyDiff.FieldChange("condition", "dpd > 30", "dpd > 60"));
        });
        assertThat(diff.text()).isEqualTo("~ segment late condition: \"dpd > 30\" → \"dpd > 60\"\n");
    }

    @Test
    void addedRemovedReorderedSegmentsAndChangedStepsAreAllListed() {
        var from = new StrategyDefinition("s", "", List.of(segment("a", "dpd > 90", call(3)), segment("b", "dpd > 30"), segment("old", "true")));
        var to = new StrategyDefinition("s", "", List.of(segment("b", "dpd > 30"), segment("a", "dpd > 90", call(2)), segment("new", "true")));

        StrategyDiff diff = StrategyDiff.between(from, to);

        assertThat(diff.segmentsAdded()).extracting(StrategyDiff.SegmentRef::code).containsExactly("new");
        assertThat(diff.segmentsRemoved()).extracting(StrategyDiff.SegmentRef::code).containsExactly("old");
        assertThat(diff.strategyChanges()).containsExactly(new StrategyDiff.FieldChange("segmentOrder", "a,b", "b,a"));
        assertThat(diff.segmentsChanged()).singleElement().satisfies(s -> assertThat(s.stepsChanged()).containsExactly(
                new StrategyDiff.StepChange("call", List.of(new StrategyDiff.FieldChange("everyDays", "3", "2")))));
        assertThat(diff.text()).contains("+ segment new (#3)", "- segment old (was #3)", "~ segment a step call everyDays: \"3\" → \"2\"");
    }

    @Test
    void identicalVersionsHaveNoDifferences() {
        var d = new StrategyDefinition("s", "", List.of(segment("a", "true", call(1))));
        assertThat(StrategyDiff.between(d, d).isEmpty()).isTrue();
        assertThat(StrategyDiff.between(d, d).text()).isEqualTo("(no differences)\n");
    }
}
