package dev.recoup.strategy.domain;

import java.util.List;

/**
 * A strategy as data: an ordered list of segments; a case belongs to the first segment whose
 * condition holds. Stored as JSON, one row per version.
 */
public record StrategyDefinition(String name, String description, List<Segment> segments) {

    /**
     * @param code      stable id within the strategy, e.g. "T2-31-90-phone"
     * @param nameZh    shown name, zh-CN
     * @param nameEn    shown name, en
     * @param condition CEL boolean over {@link CaseAttributes}' fields, e.g. {@code dpd >= 31 && dpd <= 90}
     * @param queue     the team/queue that works cases in this segment (allocation uses it)
     * @param steps     the treatment path
     */
    public record Segment(String code, String nameZh, String nameEn, String condition, String queue, List<Step> steps) {
    }

    /**
     * One step of a treatment path.
     *
     * @param key       stable id within the segment; with the case and due date it makes a task unique
     * @param type      what to do
     * @param day       first day of the stage it falls due (0 = the day the case enters the segment)
     * @param everyDays 0 = once; otherwise repeats every K days from {@code day}
     * @param untilDay  last day of the stage it may fall due, or null for no end
     * @param queue     queue for the task; null = the segment's queue
     * @param template  message/document template code for SMS, e-mail, letters; may be null
     * @param condition optional CEL guard: the step falls due only while it holds (escalation)
     */
    public record Step(String key, StepType type, int day, int everyDays, Integer untilDay, String queue, String template,
                       String condition) {
    }
}
