package dev.recoup.strategy.domain;

/**
 * A step occurrence due for a case: {@code dayOfStage} is the stage day it is due on, so the due
 * date is the stage entry date plus that many days (a step missed because no run happened that
 * day is still created once, with its own due date).
 */
public record DueStep(String segmentCode, String stepKey, StepType type, int dayOfStage, String queue, String template) {
}
