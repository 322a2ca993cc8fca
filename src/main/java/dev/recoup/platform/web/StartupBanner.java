package dev.recoup.platform.web;

import dev.recoup.access.AccessProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells the person who just started Recoup where to go and how to sign in. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);
    private final AccessProperties users;
    private final Environment env;

    StartupBanner(AccessProperties users, Environment env) {
        this.users = users;
        this.env = env;
    }

    /** After the demo portfolio is loaded (an ApplicationRunner), so the page has something to show. */
    @EventListener
    void onReady(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        int port = web.getWebServer().getPort();
        StringBuilder text = new StringBuilder("\n\n  Recoup is running: open http://localhost:").append(port).append("/\n");
        text.append("  API documentation: http://localhost:").append(port).append("/swagger-ui.html\n");
        text.append("  Database: ").append("true".equals(env.getProperty("recoup.database.embedded.active"))
                ? "embedded PostgreSQL, data in " + env.getProperty("recoup.database.embedded.data-directory", "data/postgres")
                : env.getProperty("spring.datasource.url")).append('\n');
        text.append("  Demo logins (username / password — role):\n");
        users.demoUsers().forEach(u -> text.append(String.format("    %-10s / %-14s — %s%n", u.username(), u.password(), u.description())));
        log.info(text.toString());
    }
}
