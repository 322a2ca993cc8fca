package dev.recoup.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.apache.commons.logging.Log;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;

/**
 * The embedded PostgreSQL server: one per JVM, whatever number of Spring contexts ask for it
 * (tests start several contexts; all share this server, as DESIGN.md asks).
 */
public final class EmbeddedPostgresServer {

    public static final String DATABASE = "recoup";
    private static EmbeddedPostgres server;
    private static Path serverDirectory;

    private EmbeddedPostgresServer() {
    }

    /** Starts the server over {@code dataDirectory} unless it already runs; returns its JDBC URL. */
    public static synchronized String start(Path dataDirectory, int port, boolean cleanOnStart, Map<String, String> serverConfig, Log log) {
        Path wanted = dataDirectory.toAbsolutePath().normalize();
        if (server != null) {
            if (!wanted.equals(serverDirectory)) {
                throw new IllegalStateException("Embedded PostgreSQL already runs over " + serverDirectory + ", asked for " + wanted);
            }
            return jdbcUrl();
        }
        try {
            Files.createDirectories(wanted);
            OrphanedPostmaster.stopIfRunning(wanted, log);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(wanted)
                    .setCleanDataDirectory(cleanOnStart)
                    // Crash recovery after a kill can take longer than the default 10 s.
                    .setPGStartupWait(Duration.ofSeconds(120))
                    .setLocaleConfig("locale", "C.UTF-8");
            if (port > 0) {
                builder.setPort(port);
            }
            serverConfig.forEach(builder::setServerConfig);
            server = builder.start();
            serverDirectory = wanted;
            createApplicationDatabase();
            log.info("Embedded PostgreSQL listening on port " + server.getPort() + " with data in " + wanted);
            return jdbcUrl();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + wanted, e);
        }
    }

    public static synchronized int port() {
        return server.getPort();
    }

    private static String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + server.getPort() + "/" + DATABASE;
    }

    private static void createApplicationDatabase() {
        try (Connection c = server.getPostgresDatabase().getConnection();
             var exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (var rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("create database " + DATABASE + " encoding 'UTF8'");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the database '" + DATABASE + "'", e);
        }
    }
}
