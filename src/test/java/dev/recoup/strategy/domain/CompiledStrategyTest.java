package dev.recoup.strategy.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.recoup.strategy.domain.Cases.aCase;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledStrategyTest {

    private static CompiledStrategy compile(StrategyDefinition definition) {
        StrategyCompiler.Compilation compilation = StrategyCompiler.compile(definition);
        assertThat(compilation).isInstanceOf(StrategyCompiler.Compiled.class);
        return ((StrategyCompiler.Compiled) compilation).strategy();
    }

    private static StrategyDefinition.Step step(String key, StepType type, int day, int everyDays, Integer untilDay,
                                                String queue, String condition) {
        return new StrategyDefinition.Step(key, type, day, everyDays, untilDay, queue, "TPL-" + key, condition);
    }

    private static CompiledStrategy oneSegment(StrategyDefinition.Step... steps) {
        return compile(new StrategyDefinition("s", "", List.of(
                new StrategyDefinition.Segment("seg", "段", "Seg", "true", "phone-t2", List.of(steps)))));
    }

    @Test
    void theFirstSegmentWhoseConditionHoldsWins() {
        CompiledStrategy strategy = compile(new StrategyDefinition("s", "", List.of(
                new StrategyDefinition.Segment("large", "大额", "Large", "overdueAmount > 5000000", "senior-t3", List.of()),
                new StrategyDefinition.Segment("late", "逾期", "Late", "dpd > 30", "phone-t2", List.of()),
                new StrategyDefinition.Segment("any", "其他", "Any", "true", "robot-sms", List.of()))));
        assertThat(strategy.segmentOf(aCase().dpd(60).overdue(6_000_000).build())).isZero();
        assertThat(strategy.segmentOf(aCase().dpd(60).overdue(100_000).build())).isEqualTo(1);
        assertThat(strategy.segmentOf(aCase().dpd(3).build())).isEqualTo(2);
    }

    @Test
    void aCaseNoSegmentTakesHasNoSegment() {
        CompiledStrategy strategy = compile(new StrategyDefinition("s", "", List.of(
                new StrategyDefinition.Segment("late", "逾期", "Late", "dpd > 30", "phone-t2", List.of()))));
        assertThat(strategy.segmentOf(aCase().dpd(3).build())).isEqualTo(-1);
    }

    @Test
    void aConditionThatOverflowsDoesNotHoldAndTheNextSegmentIsTried() {
        CompiledStrategy strategy = compile(new StrategyDefinition("s", "", List.of(
                new StrategyDefinition.Segment("odd", "溢出", "Overflow", "overdueAmount * 4611686018427387904 > 0", "x", List.of()),
                new StrategyDefinition.Segment("any", "其他", "Any", "true", "y", List.of()))));
        assertThat(strategy.segmentOf(aCase().overdue(100).build())).isEqualTo(1);
    }

    @Test
    void aOnceStepIsNotDueBeforeItsDay() {
        CompiledStrategy strategy = oneSegment(step("letter", StepType.LETTER, 5, 0, null, null, null));
        assertThat(strategy.dueSteps(0, aCase().daysInStage(4).build())).isEmpty();
    }

    @Test
    void aOnceStepFallsDueOnItsDayAndStaysDueWithThatDayAfterwards() {
        CompiledStrategy strategy = oneSegment(step("letter", StepType.LETTER, 5, 0, null, null, null));
        DueStep expected = new DueStep("seg", "letter", StepType.LETTER, 5, "phone-t2", "TPL-letter");
        assertThat(strategy.dueSteps(0, aCase().daysInStage(5).build())).containsExactly(expected);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(40).build())).containsExactly(expected);
    }

    @Test
    void aRepeatingStepFallsDueOnItsLatestOccurrence() {
        CompiledStrategy strategy = oneSegment(step("call", StepType.AGENT_CALL, 2, 3, null, null, null));
        assertThat(strategy.dueSteps(0, aCase().daysInStage(1).build())).isEmpty();
        assertThat(strategy.dueSteps(0, aCase().daysInStage(2).build())).extracting(DueStep::dayOfStage).containsExactly(2);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(4).build())).extracting(DueStep::dayOfStage).containsExactly(2);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(5).build())).extracting(DueStep::dayOfStage).containsExactly(5);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(7).build())).extracting(DueStep::dayOfStage).containsExactly(5);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(8).build())).extracting(DueStep::dayOfStage).containsExactly(8);
    }

    @Test
    void aRepeatingStepStopsAtItsUntilDay() {
        CompiledStrategy strategy = oneSegment(step("call", StepType.AGENT_CALL, 2, 3, 9, null, null));
        assertThat(strategy.dueSteps(0, aCase().daysInStage(9).build())).extracting(DueStep::dayOfStage).containsExactly(8);
        assertThat(strategy.dueSteps(0, aCase().daysInStage(30).build())).extracting(DueStep::dayOfStage).containsExactly(8);
    }

    @Test
    void aGuardedStepFallsDueOnlyWhileItsConditionHolds() {
        CompiledStrategy strategy = oneSegment(
                step("call", StepType.AGENT_CALL, 0, 1, null, null, null),
                step("visit", StepType.FIELD_VISIT, 3, 0, null, "field", "reachableContacts == 0"));
        assertThat(strategy.dueSteps(0, aCase().daysInStage(5).reachableContacts(2).build()))
                .extracting(DueStep::stepKey).containsExactly("call");
        assertThat(strategy.dueSteps(0, aCase().daysInStage(5).reachableContacts(0).build()))
                .extracting(DueStep::stepKey).containsExactly("call", "visit");
        assertThat(strategy.dueSteps(0, aCase().daysInStage(2).reachableContacts(0).build()))
                .extracting(DueStep::stepKey).containsExactly("call");
    }

    @Test
    void aStepWithoutItsOwnQueueGoesToTheSegmentsQueue() {
        CompiledStrategy strategy = oneSegment(
                step("call", StepType.AGENT_CALL, 0, 0, null, null, null),
                step("visit", StepType.FIELD_VISIT, 0, 0, null, "field", null));
        assertThat(strategy.dueSteps(0, aCase().build())).extracting(DueStep::queue).containsExactly("phone-t2", "field");
    }

    @Test
    void askingForASegmentTheStrategyDoesNotHaveIsAnError() {
        CompiledStrategy strategy = oneSegment();
        assertThatThrownBy(() -> strategy.dueSteps(1, aCase().build())).isInstanceOf(IllegalArgumentException.class);
    }
}
