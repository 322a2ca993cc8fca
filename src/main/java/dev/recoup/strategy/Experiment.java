package dev.recoup.strategy;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A champion/challenger experiment: while RUNNING, every open case is assigned to one arm (by a
 * stable hash of the seed and the case id, in the arms' percentages) and the daily run applies that
 * arm's strategy version to it; a case keeps its arm.
 */
public record Experiment(long id, String name, String status, LocalDate startedOn, LocalDate stoppedOn, long seed, String createdBy,
                         OffsetDateTime createdAt, List<Arm> arms) {

    public record Arm(String code, long strategyVersionId, String strategyCode, int version, int percent) {
    }

    public boolean running() {
        return "RUNNING".equals(status);
    }
}
