package dev.recoup.demo;

import dev.recoup.allocation.OrganisationSeeder;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.portfolio.ImportReport;
import dev.recoup.portfolio.PortfolioImporter;
import dev.recoup.shared.BusinessClock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;

/**
 * On the first start (empty portfolio) generates a demo portfolio, imports it through the real
 * import path, creates a collections organisation (teams, 30 agents, 3 agencies) and runs the daily
 * run for today — which allocates the cases — so a new user opens a working Recoup.
 */
@Component
class DemoLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    private final DemoProperties properties;
    private final PortfolioImporter importer;
    private final DailyRunService runs;
    private final OrganisationSeeder organisation;
    private final JdbcClient jdbc;
    private final BusinessClock clock;

    DemoLoader(DemoProperties properties, PortfolioImporter importer, DailyRunService runs, OrganisationSeeder organisation, JdbcClient jdbc,
               BusinessClock clock) {
        this.properties = properties;
        this.importer = importer;
        this.runs = runs;
        this.organisation = organisation;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadOnEmptyDatabase() || jdbc.sql("select exists (select 1 from customer)").query(Boolean.class).single()) {
            return;
        }
        LocalDate today = clock.today();
        log.info("Empty portfolio: loading a demo portfolio of {} accounts (seed {}) as of {}", properties.accounts(), properties.seed(), today);
        var generated = new DemoPortfolioGenerator().generate(properties.directory(), properties.accounts(), properties.seed(), today);
        ImportReport report = importer.importDirectory(generated.directory());
        log.info("Demo portfolio imported: {} rows read, {} accepted, {} rejected", report.total().read(), report.total().accepted(),
                report.total().rejected());
        var org = organisation.create(OrganisationSeeder.Plan.demo(), today);
        log.info("Demo organisation: {} teams, {} agents ({} new, T1 cases only), {} agencies", org.teams(), org.agents(), org.newAgents(),
                org.agencies());
        var run = runs.runToCompletion(today, "demo");
        log.info("Daily run {} for {}: {}", run.id(), today, run.status());
    }
}
