package dev.recoup.strategy;

import dev.recoup.strategy.domain.StepType;
import dev.recoup.strategy.domain.StrategyDefinition;

import java.util.List;

/**
 * Small strategies for tests: "late" (a condition of the test's choosing) before "early" (everything else).
 * Their letter and SMS steps name default message templates: seed them (MessageTemplates.seedDefaults) before saving.
 */
final class TestStrategies {

    private TestStrategies() {
    }

    static StrategyDefinition twoSegments(String lateCondition) {
        return new StrategyDefinition("测试策略", "two segments", List.of(
                new StrategyDefinition.Segment("late", "逾期较长", "Late", lateCondition, "phone-t2", List.of(
                        new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, 3, null, null, null, null),
                        new StrategyDefinition.Step("letter", StepType.LETTER, 5, 0, null, null, "letter.reminder", null))),
                new StrategyDefinition.Segment("early", "早期", "Early", "true", "robot-sms", List.of(
                        new StrategyDefinition.Step("sms", StepType.SMS, 0, 0, null, null, "sms.reminder", null),
                        new StrategyDefinition.Step("robot", StepType.ROBOT_CALL, 2, 0, null, "robot", null, null)))));
    }
}
