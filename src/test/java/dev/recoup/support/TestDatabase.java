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
                          and c.relname <> 'flyway_schema_history'""")
                .query(String.class).list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade").update();
        }
    }
}
