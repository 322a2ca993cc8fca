package dev.recoup.platform.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;
import java.util.Map;

/**
 * The embedded PostgreSQL, used when no external database is configured.
 *
 * @param dataDirectory where its files live (kept across restarts)
 * @param port          0 picks a free port
 * @param cleanOnStart  wipe the data on start (tests only)
 * @param serverConfig  postgresql.conf settings passed at start
 */
@ConfigurationProperties("recoup.database.embedded")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean cleanOnStart, Map<String, String> serverConfig) {

    public EmbeddedDatabaseProperties {
        dataDirectory = dataDirectory == null ? Path.of("data", "postgres") : dataDirectory;
        serverConfig = serverConfig == null ? Map.of() : Map.copyOf(serverConfig);
    }
}
