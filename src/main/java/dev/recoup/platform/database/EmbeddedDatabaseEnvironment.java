package dev.recoup.platform.database;

import org.apache.commons.logging.Log;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.StringUtils;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * Chooses the database before anything connects to it:
 * <ol>
 *   <li>{@code spring.datasource.url} (or {@code SPRING_DATASOURCE_URL}) set: that external PostgreSQL;</li>
 *   <li>{@code DATABASE_URL=postgres://user:password@host:port/db} set: that external PostgreSQL;</li>
 *   <li>otherwise: start the embedded PostgreSQL and point {@code spring.datasource.*} at it.</li>
 * </ol>
 * Done as an environment post-processor so Flyway, the pool and everything else simply see
 * ordinary datasource properties.
 */
public class EmbeddedDatabaseEnvironment implements EnvironmentPostProcessor {

    /** Logging is not set up yet when this runs; a deferred log replays once it is. */
    private final Log log;

    public EmbeddedDatabaseEnvironment(DeferredLogFactory logFactory) {
        this.log = logFactory.getLog(EmbeddedDatabaseEnvironment.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        if (StringUtils.hasText(env.getProperty("spring.datasource.url"))) {
            return;
        }
        Map<String, Object> datasource = new HashMap<>();
        String databaseUrl = env.getProperty("DATABASE_URL");
        if (StringUtils.hasText(databaseUrl)) {
            datasource.putAll(fromDatabaseUrl(databaseUrl));
        } else {
            Binder binder = Binder.get(env);
            EmbeddedDatabaseProperties props = binder.bind("recoup.database.embedded", Bindable.of(EmbeddedDatabaseProperties.class))
                    .orElseGet(() -> new EmbeddedDatabaseProperties(null, 0, false, null));
            String url = EmbeddedPostgresServer.start(props.dataDirectory(), props.port(), props.cleanOnStart(), props.serverConfig(), log);
            datasource.put("spring.datasource.url", url);
            datasource.put("spring.datasource.username", "postgres");
            datasource.put("spring.datasource.password", "");
            datasource.put("recoup.database.embedded.active", "true");
        }
        env.getPropertySources().addFirst(new MapPropertySource("recoupDatabase", datasource));
    }

    static Map<String, Object> fromDatabaseUrl(String databaseUrl) {
        URI uri = URI.create(databaseUrl);
        if (!"postgres".equals(uri.getScheme()) && !"postgresql".equals(uri.getScheme())) {
            throw new IllegalArgumentException("DATABASE_URL must look like postgres://user:password@host:5432/db, got scheme '" + uri.getScheme() + "'");
        }
        Map<String, Object> result = new HashMap<>();
        int port = uri.getPort() > 0 ? uri.getPort() : 5432;
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        result.put("spring.datasource.url", "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query);
        if (uri.getUserInfo() != null) {
            String[] userInfo = uri.getUserInfo().split(":", 2);
            result.put("spring.datasource.username", userInfo[0]);
            if (userInfo.length > 1) {
                result.put("spring.datasource.password", userInfo[1]);
            }
        }
        return result;
    }
}
