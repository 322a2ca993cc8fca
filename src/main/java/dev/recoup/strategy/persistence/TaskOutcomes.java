package dev.recoup.strategy.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Contacts made per experiment arm, counted from casework's published {@code task} table until a
 * contact ledger exists: tasks of a contact type done on or after the day the case entered its arm.
 */
@Component
public class TaskOutcomes {

    static final String CONTACT_TYPES = "'SMS', 'ROBOT_CALL', 'AGENT_CALL', 'EMAIL', 'LETTER', 'FIELD_VISIT', 'LAWYER_LETTER'";
    private final JdbcClient jdbc;

    public TaskOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Contacts(Map<String, Long> byArm, String note) {
    }

    public Contacts contactsMade(long experimentId, LocalDate stoppedOn) {
        Map<String, Long> byArm = new HashMap<>();
        if (!jdbc.sql("select to_regclass('task') is not null").query(Boolean.class).single()) {
            return new Contacts(byArm, "Contacts made are 0: tasks do not exist in this installation yet.");
        }
        jdbc.sql("""
                        select e.arm, count(*) as contacts
                        from case_experiment_arm e
                        join task t on t.case_id = e.case_id
                        where e.experiment_id = ? and t.status = 'DONE' and t.type in (%s)
                          and t.closed_on >= e.entered_on and (?::date is null or t.closed_on <= ?::date)
                        group by e.arm""".formatted(CONTACT_TYPES))
                .params(experimentId, stoppedOn, stoppedOn)
                .query((rs, i) -> byArm.put(rs.getString("arm"), rs.getLong("contacts"))).list();
        return new Contacts(byArm, "Contacts made = contact tasks (SMS, robot call, agent call, e-mail, letter, field visit, lawyer's letter)"
                + " completed since the case entered its arm; the contact ledger (a later issue) will replace this count.");
    }
}
