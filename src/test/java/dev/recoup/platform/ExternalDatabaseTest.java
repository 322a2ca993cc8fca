package dev.recoup.platform;

import dev.recoup.RecoupApplication;
import dev.recoup.platform.database.EmbeddedPostgresServer;
import dev.recoup.support.RecoupIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "External" PostgreSQL: a second database on the test JVM's PostgreSQL server, reached only
 * through the settings a deployment would use. Recoup must use it, not start its own, and
 * Flyway must bring its schema up.
 */
@RecoupIntegrationTest
class ExternalDatabaseTest {

    @Autowired JdbcClient jdbc;

    @Test
    void theStandardSpringDatasourcePropertiesPointRecoupAtAnExternalPostgres() {
        String database = freshDatabase("external_spring");
        try (var app = start("--spring.datasource.url=jdbc:postgresql://localhost:" + EmbeddedPostgresServer.port() + "/" + database,
                "--spring.datasource.username=postgres")) {
            assertThat(app.getEnvironment().getProperty("recoup.database.embedded.active")).isNull();
            assertMigrated(app.getBean(DataSource.class), database);
        }
    }

    @Test
    void aDatabaseUrlPointsRecoupAtAnExternalPostgres() {
        String database = freshDatabase("external_url");
        try (var app = start("--DATABASE_URL=postgres://postgres@localhost:" + EmbeddedPostgresServer.port() + "/" + database)) {
            assertMigrated(app.getBean(DataSource.class), database);
        }
    }

    private String freshDatabase(String name) {
        jdbc.sql("drop database if exists " + name + " with (force)").update();
        jdbc.sql("create database " + name).update();
        return name;
    }

    private static org.springframework.context.ConfigurableApplicationContext start(String... settings) {
        String[] args = new String[settings.length + 4];
        System.arraycopy(settings, 0, args, 0, settings.length);
        args[settings.length] = "--server.port=0";
        args[settings.length + 1] = "--recoup.demo.load-on-empty-database=false";
        args[settings.length + 2] = "--recoup.daily-run.schedule=-";
        args[settings.length + 3] = "--spring.main.banner-mode=off";
        return new SpringApplicationBuilder(RecoupApplication.class).run(args);
    }

    private static void assertMigrated(DataSource dataSource, String database) {
        JdbcClient external = JdbcClient.create(dataSource);
        assertThat(external.sql("select current_database()").query(String.class).single()).isEqualTo(database);
        assertThat(external.sql("select count(*) from flyway_schema_history where success").query(Long.class).single()).isGreaterThanOrEqualTo(3);
        assertThat(external.sql("select to_regclass('public.instalment')::text").query(String.class).single()).isEqualTo("instalment");
    }
}
