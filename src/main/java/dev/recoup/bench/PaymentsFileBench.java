package dev.recoup.bench;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.demo.DemoPortfolioGenerator;
import dev.recoup.payments.PaymentFileReport;
import dev.recoup.payments.PaymentFiles;
import dev.recoup.portfolio.PortfolioImporter;
import org.postgresql.PGConnection;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code bench payments-file [--dir bench-data/payments] [--accounts 1000000] [--payments 200000] [--files 3] [--seed 42]}:
 * starts Recoup over the embedded database in {@code dir/postgres} (kept between runs, like
 * {@code contact-history}); when it holds no accounts yet, generates the portfolio (as of yesterday),
 * imports it — the import allocates its ~4.7 payments per account through the same bulk allocator —
 * and runs the daily run, so cases are open and the intraday update has a snapshot to amend. Then,
 * {@code files} times, writes a CSV of {@code payments} payments on random accounts (paid today) and
 * posts it through {@link PaymentFiles#post} — the same path as {@code POST /api/v1/payment-files} —
 * and reports payments per second with the posting's own per-step profile, and the load average.
 * Also writes {@code dir/payment-accounts.csv} (accounts with an open case) for {@code payments-load}.
 */
final class PaymentsFileBench {

    private PaymentsFileBench() {
    }

    static int run(Class<?> application, String[] args) throws Exception {
        Map<String, String> options = BenchCommand.options(args);
        Path dir = Path.of(options.getOrDefault("dir", "bench-data/payments")).toAbsolutePath();
        int payments = Integer.parseInt(options.getOrDefault("payments", "200000"));
        int files = Integer.parseInt(options.getOrDefault("files", "3"));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("cores", Runtime.getRuntime().availableProcessors());
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(
                "--recoup.database.embedded.data-directory=" + dir.resolve("postgres"),
                "--recoup.demo.load-on-empty-database=false",
                "--recoup.daily-run.schedule=-",
                "--recoup.contact.best-time.schedule=-",
                "--recoup.channels.outbox.scheduled=false",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=ERROR")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            if (jdbc.queryForObject("select count(*) from account", Long.class) == 0) {
                int accounts = Integer.parseInt(options.getOrDefault("accounts", "1000000"));
                long seed = Long.parseLong(options.getOrDefault("seed", "42"));
                Path portfolio = dir.resolve("portfolio");
                LocalDate asOf = today.minusDays(1);
                long t = System.nanoTime();
                if (!Files.exists(portfolio.resolve("accounts.csv"))) {
                    new DemoPortfolioGenerator().generate(portfolio, accounts, seed, asOf);
                }
                result.put("generateSeconds", seconds(t));
                t = System.nanoTime();
                var report = app.getBean(PortfolioImporter.class).importDirectory(portfolio);
                result.put("import", Map.of("seconds", seconds(t), "rowsRead", report.total().read(),
                        "paymentsAllocated", jdbc.queryForObject("select count(distinct payment_id) from payment_allocation", Long.class),
                        "loadAverage", loadAverage()));
                t = System.nanoTime();
                app.getBean(DailyRunService.class).runToCompletion(asOf, "bench");
                result.put("dailyRunSeconds", seconds(t));
                jdbc.execute("vacuum analyze");
            }
            result.put("accounts", jdbc.queryForObject("select count(*) from account", Long.class));
            result.put("paymentsBefore", jdbc.queryForObject("select count(*) from payment", Long.class));
            result.put("journalRowsBefore", jdbc.queryForObject("select count(*) from payment_allocation", Long.class));
            result.put("openCases", jdbc.queryForObject("select count(*) from collection_case where status = 'OPEN'", Long.class));
            writeAccountSample(app.getBean(DataSource.class), dir.resolve("payment-accounts.csv"));

            PaymentFiles postings = app.getBean(PaymentFiles.class);
            List<Map<String, Object>> runs = new ArrayList<>();
            long maxAccount = jdbc.queryForObject("select max(id) from account", Long.class);
            for (int f = 0; f < files; f++) {
                String tag = Long.toString(System.currentTimeMillis(), 36) + "-" + f;
                Path file = dir.resolve("payments-" + tag + ".csv");
                writePaymentFile(app.getBean(DataSource.class), file, tag, payments, maxAccount, today);
                String before = loadAverage();
                long t = System.nanoTime();
                PaymentFileReport report = postings.post(file, file.getFileName().toString(), "bench");
                double seconds = seconds(t);
                PaymentFiles.Profile profile = postings.lastProfile();
                Map<String, Object> run = new LinkedHashMap<>();
                run.put("payments", report.rowsPosted());
                run.put("rejected", report.rowsRejected());
                run.put("seconds", seconds);
                run.put("paymentsPerSecond", Math.round(report.rowsPosted() / seconds));
                run.put("profileMillis", Map.of(
                        "readCheckStage", profile.readCheckStageMillis(),
                        "validateInSql", profile.validateMillis(),
                        "insertPayments", profile.insertMillis(),
                        "allocationPrepare", profile.allocationPrepareMillis(),
                        "allocationRead", profile.allocationReadMillis(),
                        "allocationPour", profile.allocationPourMillis(),
                        "allocationWrite", profile.allocationWriteMillis(),
                        "listenersIntradayAndPromises", profile.listenersMillis(),
                        "total", profile.totalMillis()));
                run.put("chunks", profile.chunks());
                run.put("loadAverageBefore", before);
                run.put("loadAverageAfter", loadAverage());
                runs.add(run);
                Files.deleteIfExists(file);
                System.err.println("payment file " + (f + 1) + "/" + files + ": " + BenchCommand.toJson(run));
            }
            result.put("files", runs);
        }
        System.out.println(BenchCommand.toJson(result));
        return 0;
    }

    /** Payments on accounts drawn uniformly (with replacement), 100–5,000 yuan, paid today, as a CSV file in the import format. */
    private static void writePaymentFile(DataSource dataSource, Path file, String tag, int payments, long maxAccount, LocalDate today)
            throws Exception {
        try (Connection connection = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    copy (select 'BP-%s-' || g as payment_id, a.account_ref as account_id, date '%s' as paid_on,
                                 to_char(100 + floor(random() * 4900), 'FM99999') || '.' || to_char(floor(random() * 100), 'FM00') as amount,
                                 'bank' as channel
                          from (select g, 1 + floor(random() * %d)::bigint as account_id from generate_series(1, %d) g) r
                          join account a on a.id = r.account_id
                          order by g) to stdout (format csv, header true)""".formatted(tag, today, maxAccount, payments), out);
        }
    }

    /** Accounts with an open case, in random order: what the API load client pays into. */
    private static void writeAccountSample(DataSource dataSource, Path file) throws Exception {
        try (Connection connection = dataSource.getConnection(); OutputStream out = Files.newOutputStream(file)) {
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("""
                    copy (select a.account_ref from account a join collection_case c on c.customer_id = a.customer_id and c.status = 'OPEN'
                          order by random() limit 200000) to stdout (format csv, header true)""", out);
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" 0*[0-9]+/")[0].strip();
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static double seconds(long startNanos) {
        return Math.round((System.nanoTime() - startNanos) / 1e6) / 1000.0;
    }
}
