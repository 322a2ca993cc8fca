package dev.recoup.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An active strategy with one segment for every case and no steps, for tests of casework and
 * other modules: their daily runs then create no strategy tasks (the default strategy, installed
 * when no version is active, would create several per case).
 */
public final class QuietStrategy {

    private QuietStrategy() {
    }

    public static void activate(JdbcClient jdbc) {
        jdbc.sql("""
                with s as (insert into strategy (code, name, created_by, created_at) values ('quiet', 'quiet', 'test', now()) returning id),
                     v as (insert into strategy_version (strategy_id, version, definition, status, created_by, created_at, activated_at)
                           select id, 1, '{"name": "quiet", "description": "", "segments": [{"code": "all", "nameZh": "全部", "nameEn": "All",
                                         "condition": "true", "queue": "phone-t2", "steps": []}]}', 'ACTIVE', 'test', now(), now() from s
                           returning id)
                insert into strategy_activation (strategy_version_id, kind, activated_by, activated_at) select id, 'ACTIVATE', 'test', now() from v""")
                .update();
    }
}
