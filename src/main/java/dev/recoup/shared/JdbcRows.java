package dev.recoup.shared;

import java.util.LinkedHashMap;
import java.util.Map;

/** Rows read as maps (pages and read APIs), with JDBC's date types turned into java.time. */
public final class JdbcRows {

    private JdbcRows() {
    }

    /**
     * JDBC dates and timestamps as java.time, so the API shows 2026-11-23, not a midnight instant; a mutable map,
     * in column order (pages add derived values).
     */
    public static Map<String, Object> plain(Map<String, Object> row) {
        Map<String, Object> result = new LinkedHashMap<>();
        row.forEach((key, value) -> result.put(key, switch (value) {
            case java.sql.Date date -> date.toLocalDate();
            case java.sql.Timestamp timestamp -> timestamp.toInstant();
            case null, default -> value;
        }));
        return result;
    }
}
