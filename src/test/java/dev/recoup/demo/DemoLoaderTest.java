package dev.recoup.demo;

import dev.recoup.allocation.OrganisationSeeder;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.portfolio.PortfolioImporter;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@RecoupIntegrationTest
class DemoLoaderTest {

    @Autowired PortfolioImporter importer;
    @Autowired DailyRunService runs;
    @Autowired OrganisationSeeder organisation;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @TempDir Path directory;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clean(jdbc);
    }

    private DemoLoader loader(boolean enabled) {
        return new DemoLoader(new DemoProperties(enabled, 300, 42, directory), importer, runs, organisation, jdbc, clock);
    }

    @Test
    void theFirstStartOnAnEmptyDatabaseImportsADemoPortfolioAndRunsTheDailyRunForToday() {
        loader(true).run(new DefaultApplicationArguments());

        assertThat(count("select count(*) from account")).isEqualTo(300);
        assertThat(count("select count(*) from portfolio_import")).isEqualTo(1);
        assertThat(jdbc.sql("select business_date from daily_run where status = 'COMPLETED'").query(java.time.LocalDate.class).single())
                .isEqualTo(clock.today());
        assertThat(count("select count(*) from collection_case where status = 'OPEN'")).isPositive();
        // An organisation works the cases: teams, 30 agents, 3 agencies, and the daily run allocated cases to them.
        assertThat(count("select count(*) from agent")).isEqualTo(30);
        assertThat(count("select count(*) from agency")).isEqualTo(3);
        assertThat(count("select count(*) from case_assignment where ended_on is null")).isPositive();
    }

    @Test
    void aDatabaseWithAPortfolioIsLeftAlone() {
        jdbc.sql("insert into customer (customer_ref, name) values ('C1', '张三')").update();
        loader(true).run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from customer")).isEqualTo(1);
        assertThat(count("select count(*) from daily_run")).isZero();
    }

    @Test
    void loadingCanBeTurnedOff() {
        loader(false).run(new DefaultApplicationArguments());
        assertThat(count("select count(*) from customer")).isZero();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
