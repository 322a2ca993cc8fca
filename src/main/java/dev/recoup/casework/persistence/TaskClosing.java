package dev.recoup.casework.persistence;

import dev.recoup.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Closing and reopening tasks because of what happened to their case; shared by tasks and the case flow. */
@Component
class TaskClosing {

    static final String CASE_CLOSED = "CASE_CLOSED";

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    TaskClosing(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.now(), ZoneOffset.UTC);
    }

    /** A case a person closed: its open tasks are cancelled at once. */
    long cancelOpenTasksOfCase(long caseId, LocalDate businessDate, String by) {
        return jdbc.sql("""
                        update task set status = 'CANCELLED', cancel_reason = :reason, closed_on = :date, completed_at = :now, completed_by = :by
                        where case_id = :case and status = 'OPEN'""")
                .param("reason", CASE_CLOSED).param("date", businessDate).param("now", now()).param("by", by).param("case", caseId)
                .update();
    }

    /**
     * Cases a re-run of the date reopened: the tasks the earlier run of that date cancelled because
     * the case had closed are open again.
     */
    long reopenTasksCancelledByClosing(long[] caseIds, LocalDate businessDate) {
        if (caseIds.length == 0) {
            return 0;
        }
        return jdbc.sql("""
                        update task set status = 'OPEN', cancel_reason = null, closed_on = null, completed_at = null, completed_by = null
                        where case_id = any(:cases) and status = 'CANCELLED' and cancel_reason = :reason and closed_on = :date
                          and completed_by = 'rule'""")
                .param("cases", caseIds).param("reason", CASE_CLOSED).param("date", businessDate).update();
    }
}
