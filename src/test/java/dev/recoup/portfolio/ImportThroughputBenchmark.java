package dev.recoup.portfolio;

import dev.recoup.demo.DemoPortfolioGenerator;
import dev.recoup.portfolio.domain.IdNumber;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * A rough end-to-end timing of the import (files on disk to committed rows), not a test: it is
 * named so that {@code mvn verify} skips it and asserts nothing about time. Run it with
 * <pre>./mvnw -B -q test -Dtest=ImportThroughputBenchmark -Dbench.accounts=20000</pre>
 * It writes a portfolio of {@code bench.accounts} customers, as many accounts and ten
 * instalments per account to {@code bench.dir} (default /tmp/recoup-bench), imports it, then
 * imports it again (every row unchanged), and prints rows per second.
 *
 * <p>{@link #importTheDemoPortfolio} does the same with the realistic generated portfolio (all six
 * kinds, about 16.5 rows per account) of {@code bench.demo.accounts} accounts:
 * <pre>./mvnw -B -q test -Dtest='ImportThroughputBenchmark#importTheDemoPortfolio' -Dbench.demo.accounts=200000</pre>
 * The per-kind timings are logged by the import at INFO.
 */
@RecoupIntegrationTest
class ImportThroughputBenchmark {

    @Autowired PortfolioImporter importer;
    @Autowired JdbcClient jdbc;

    @Test
    void importAGeneratedPortfolio() throws IOException {
        int accounts = Integer.getInteger("bench.accounts", 20_000);
        Path dir = Files.createDirectories(Path.of(System.getProperty("bench.dir", "/tmp/recoup-bench")));
        generate(dir, accounts);
        TestDatabase.clean(jdbc);

        List<ImportFile> files = List.of(new ImportFile(ImportKind.CUSTOMERS, dir.resolve("customers.csv")),
                new ImportFile(ImportKind.ACCOUNTS, dir.resolve("accounts.csv")),
                new ImportFile(ImportKind.INSTALMENTS, dir.resolve("instalments.csv")));
        time("first import (all inserted)", files);
        time("second import (all unchanged)", files);
        time("instalments alone, again (unchanged)", List.of(files.get(2)));
    }

    @Test
    void importTheDemoPortfolio() {
        int accounts = Integer.getInteger("bench.demo.accounts", 20_000);
        Path dir = Path.of(System.getProperty("bench.dir", "/tmp/recoup-bench"), "demo-" + accounts);
        if (!Files.isRegularFile(dir.resolve("collateral.csv"))) {
            new DemoPortfolioGenerator().generate(dir, accounts, 42, LocalDate.parse("2026-11-20"));
        }
        TestDatabase.clean(jdbc);
        System.out.println("database settings: " + jdbc.sql("select string_agg(name || '=' || setting || coalesce(unit, ''), ', ') from pg_settings where name in ('work_mem', 'temp_buffers', 'shared_buffers', 'max_wal_size', 'synchronous_commit', 'fsync', 'maintenance_work_mem', 'hash_mem_multiplier')").query(String.class).single());

        time("demo portfolio, first import (all inserted)", dir);
        time("demo portfolio, second import (all unchanged)", dir);
    }

    private void time(String what, Path directory) {
        long start = System.nanoTime();
        print(what, importer.importDirectory(directory), start);
    }

    private void time(String what, List<ImportFile> files) {
        long start = System.nanoTime();
        print(what, importer.importFiles(files), start);
    }

    private static void print(String what, ImportReport report, long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%n%s: %,d rows in %.2f s = %,.0f rows/s (inserted %,d, updated %,d, unchanged %,d, rejected %,d)%n%n",
                what, report.total().read(), seconds, report.total().read() / seconds, report.total().inserted(),
                report.total().updated(), report.total().unchanged(), report.total().rejected());
    }

    private static void generate(Path dir, int accounts) throws IOException {
        LocalDate epoch = LocalDate.of(1960, 1, 1);
        String[] regions = {"110105", "310115", "440305", "330106", "510107", "420106", "320102", "500103"};
        try (BufferedWriter customers = Files.newBufferedWriter(dir.resolve("customers.csv"), StandardCharsets.UTF_8);
             BufferedWriter loans = Files.newBufferedWriter(dir.resolve("accounts.csv"), StandardCharsets.UTF_8);
             BufferedWriter schedule = Files.newBufferedWriter(dir.resolve("instalments.csv"), StandardCharsets.UTF_8)) {
            customers.write("customer_id,name,id_number,birth_date,gender,occupation,employer,region_code,address\n");
            loans.write("account_id,customer_id,product,currency,principal,annual_rate,start_date,maturity_date\n");
            schedule.write("account_id,seq,due_date,principal_due,interest_due,fee_due,penalty_due\n");
            for (int i = 0; i < accounts; i++) {
                String region = regions[i % regions.length];
                LocalDate birth = epoch.plusDays(i % 15_000);
                String first17 = region + birth.toString().replace("-", "") + "%03d".formatted(i % 1000);
                customers.write("C%08d,客户%d,%s,%s,,职员,某某有限公司,%s,某省某市某区某路%d号%n"
                        .formatted(i, i, first17 + IdNumber.checkCharacter(first17), birth, region, i % 500));
                LocalDate start = LocalDate.of(2023, 1, 1).plusDays(i % 365);
                loans.write("A%08d,C%08d,consumer_loan,CNY,12000.00,0.18,%s,%s%n".formatted(i, i, start, start.plusMonths(10)));
                for (int seq = 1; seq <= 10; seq++) {
                    schedule.write("A%08d,%d,%s,1200.00,%d.%02d,,%n".formatted(i, seq, start.plusMonths(seq), 180 - seq * 18, seq));
                }
            }
        }
    }
}
