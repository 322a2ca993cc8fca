package dev.recoup.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * @param loadOnEmptyDatabase at start, when the portfolio is empty, generate and import a demo
 *                            portfolio and run the daily run for today
 * @param accounts            its size
 * @param seed                its seed (same seed, same portfolio for the same day)
 * @param directory           where the generated files are written before import
 */
@ConfigurationProperties("recoup.demo")
public record DemoProperties(Boolean loadOnEmptyDatabase, int accounts, long seed, Path directory) {

    public DemoProperties {
        loadOnEmptyDatabase = loadOnEmptyDatabase == null || loadOnEmptyDatabase;
        accounts = accounts <= 0 ? 2_000 : accounts;
        seed = seed == 0 ? 42 : seed;
        directory = directory == null ? Path.of("data", "demo") : directory;
    }
}
