package dev.recoup.access;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading the audit log, for compliance officers and administrators: newest first, filtered. */
@Service
public class AuditTrail {

    public record Event(long id, Instant at, String username, String action, String subjectType, String subjectId, String detail) {
    }

    /** Null fields do not filter; {@code from} inclusive, {@code to} exclusive. */
    public record Filter(String username, String action, String subjectType, String subjectId, Instant from, Instant to) {
    }

    public record Page(List<Event> events, int page, int size, long total) {
    }

    private final JdbcClient jdbc;

    AuditTrail(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Page search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.username() != null) {
            where.add("username = :username");
            params.put("username", filter.username());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.put("action", filter.action());
        }
        if (filter.subjectType() != null) {
            where.add("subject_type = :subjectType");
            params.put("subjectType", filter.subjectType());
        }
        if (filter.subjectId() != null) {
            where.add("subject_id = :subjectId");
            params.put("subjectId", filter.subjectId());
        }
        if (filter.from() != null) {
            where.add("at >= :from");
            params.put("from", Timestamp.from(filter.from()));
        }
        if (filter.to() != null) {
            where.add("at < :to");
            params.put("to", Timestamp.from(filter.to()));
        }
        String sqlWhere = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        long total = jdbc.sql("select count(*) from audit_event" + sqlWhere).params(params).query(Long.class).single();
        List<Event> events = jdbc.sql("select id, at, username, action, subject_type, subject_id, detail from audit_event" + sqlWhere
                        + " order by at desc, id desc limit :size offset :offset")
                .params(params).param("size", size).param("offset", (long) page * size)
                .query((rs, n) -> new Event(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7)))
                .list();
        return new Page(events, page, size, total);
    }

    /** The actions recorded so far, for the page's filter. */
    public List<String> actions() {
        return jdbc.sql("select distinct action from audit_event order by action").query(String.class).list();
    }
}
