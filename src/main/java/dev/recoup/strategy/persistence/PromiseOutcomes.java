package dev.recoup.strategy.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Promises made and kept per experiment arm, counted from the agreements module's published
 * {@code promise} table (like contacts from casework's {@code task}): promises recorded on the arm's
 * cases on or after the day the case entered its arm (up to the day the experiment stopped); kept =
 * those of them judged KEPT (partly kept is not kept).
 */
@Component
public class PromiseOutcomes {

    private final JdbcClient jdbc;

    public PromiseOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Counts(long made, long kept) {
    }

    public record Promises(Map<String, Counts> byArm, String note) {
    }

    public Promises promises(long experimentId, LocalDate stoppedOn) {
        Map<String, Counts> byArm = new HashMap<>();
        jdbc.sql("""
                        select e.arm, count(*) as made, count(*) filter (where p.status = 'KEPT') as kept
                        from case_experiment_arm e
                        join promise p on p.case_id = e.case_id
                        where e.experiment_id = ? and p.status <> 'CANCELLED'
                          and p.recorded_on >= e.entered_on and (?::date is null or p.recorded_on <= ?::date)
                        group by e.arm""")
                .params(experimentId, stoppedOn, stoppedOn)
                .query((rs, i) -> byArm.put(rs.getString("arm"), new Counts(rs.getLong("made"), rs.getLong("kept")))).list();
        return new Promises(byArm, "Promises made = promises to pay recorded on the arm's cases since they entered it (cancelled ones not counted);"
                + " kept = those judged kept from the payments (partly kept and broken are not kept; open ones are not judged yet).");
    }
}
