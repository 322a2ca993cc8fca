package dev.recoup.support;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/** Empties every table of the shared test database, so a test starts from nothing. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static void clean(JdbcClient jdbc) {
        List<String> tables = jdbc.sql("""
                        select quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
                          and c.relname not in ('flyway_schema_history', 'app_user')""")
                .query(String.class).list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade").update();
        }
        // Users stay: the demo users (created at start) are how tests log in. Users a test made go, and the
        // demo users are unlocked again; their passwords are never changed by tests (tests make their own users for that).
        jdbc.sql("delete from app_user where not demo").update();
        jdbc.sql("update app_user set enabled = true, failed_logins = 0, locked_until = null where demo and (not enabled or failed_logins > 0 or locked_until is not null)").update();
    }
}
