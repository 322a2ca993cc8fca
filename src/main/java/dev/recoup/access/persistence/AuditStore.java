package dev.recoup.access.persistence;

import dev.recoup.access.AuditLog;
import dev.recoup.access.Viewer;
import dev.recoup.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;

/** The audit log in table audit_event: one insert per event, in the caller's transaction if there is one. */
@Repository
class AuditStore implements AuditLog {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    AuditStore(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void record(Viewer actor, String action, String subjectType, String subjectId, String detail) {
        jdbc.sql("""
                        insert into audit_event (at, user_id, username, action, subject_type, subject_id, detail)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(clock.now()), actor == null || actor.userId() <= 0 ? null : actor.userId(),
                        actor == null ? "system" : actor.username(), action, subjectType, subjectId, detail)
                .update();
    }
}
