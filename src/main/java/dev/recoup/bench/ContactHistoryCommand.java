package dev.recoup.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code contact-history --dir bench-data [--accounts 1000000] [--days 30] [--calls-per-day 2] [--requests 200000]}:
 * starts Recoup over the embedded database in {@code dir/postgres} (kept: not wiped at start or end,
 * unlike {@code bench}); when it holds no accounts yet, generates {@code accounts} accounts (or reuses
 * the files in {@code dir/portfolio}), imports them and runs the daily run for the day before
 * yesterday, so there are open cases. Then writes
 * {@code days} days of contact ledger history ending yesterday — for every open case, 0 to
 * 2×{@code calls-per-day} calls a day to the debtor between 08:00 and 22:00 Beijing time with
 * realistic outcomes, and now and then a call-back request to a relative — one set-based INSERT per
 * day, in time order. Then writes {@code dir/contact-requests.csv}: (case, contact, role) samples for
 * the HTTP load client ({@code contact-load}). Prints the figures as JSON.
 */
public final class ContactHistoryCommand {

    private ContactHistoryCommand() {
    }

    public static int run(Class<?> application, String[] args) throws Exception {
        Map<String, String> options = BenchCommand.options(args);
        Path dir = Path.of(options.getOrDefault("dir", "bench-data")).toAbsolutePath();
        int days = Integer.parseInt(options.getOrDefault("days", "30"));
        double perDay = Double.parseDouble(options.getOrDefault("calls-per-day", "2"));
        int requests = Integer.parseInt(options.getOrDefault("requests", "200000"));
        Map<String, Object> result = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(
                "--recoup.database.embedded.data-directory=" + dir.resolve("postgres"),
                "--recoup.demo.load-on-empty-database=false",
                "--recoup.daily-run.schedule=-",
                "--recoup.contact.best-time.schedule=-",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=ERROR")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            ZoneId zone = ZoneId.of("Asia/Shanghai");
            LocalDate today = LocalDate.now(zone);
            if (jdbc.queryForObject("select count(*) from account", Long.class) == 0) {
                int accounts = Integer.parseInt(options.getOrDefault("accounts", "200000"));
                Path files = dir.resolve("portfolio");
                LocalDate asOf = today.minusDays(2);
                long t = System.nanoTime();
                if (!Files.exists(files.resolve("accounts.csv"))) {
                    new dev.recoup.demo.DemoPortfolioGenerator().generate(files, accounts, 42, asOf);
                }
                app.getBean(dev.recoup.portfolio.PortfolioImporter.class).importDirectory(files);
                result.put("importSeconds", (System.nanoTime() - t) / 1e9);
                t = System.nanoTime();
                app.getBean(dev.recoup.dailyrun.DailyRunService.class).runToCompletion(asOf, "contact-history");
                result.put("dailyRunSeconds", (System.nanoTime() - t) / 1e9);
            }
            long openCases = jdbc.queryForObject("select count(*) from collection_case where status = 'OPEN'", Long.class);
            result.put("openCases", openCases);
            long t0 = System.nanoTime();
            long rows = 0;
            int maxCalls = (int) Math.round(perDay * 2);
            for (int d = days; d >= 1; d--) {
                LocalDate day = today.minusDays(d);
                long t = System.nanoTime();
                // random() is referenced with an outer column so PostgreSQL draws it per case, not once.
                int n = jdbc.update("""
                        insert into contact_attempt (case_id, customer_id, contact_id, channel, endpoint, endpoint_kind, at, outcome, outcome_at,
                                                     purpose, made_by, via)
                        select case_id, customer_id, contact_id, channel, phone, 'MOBILE_PHONE', at, outcome, at + interval '70 seconds', purpose,
                               'history', 'RECORDED'
                        from (
                            select cc.id as case_id, cc.customer_id, ct.id as contact_id, ct.phone,
                                   case when random() < 0.7 then 'ROBOT_CALL' else 'AGENT_CALL' end as channel,
                                   (cast(? as date) + time '08:00' + random() * interval '14 hours') at time zone 'Asia/Shanghai' as at,
                                   (array['CONVERSATION_DEBTOR', 'NO_ANSWER', 'NO_ANSWER', 'NO_ANSWER', 'VOICEMAIL', 'BUSY', 'NOT_IN_SERVICE',
                                          'CONVERSATION_THIRD_PARTY', 'DROPPED', 'NO_ANSWER'])[1 + floor(random() * 10)::int] as outcome,
                                   'COLLECTION' as purpose
                            from collection_case cc
                            join contact ct on ct.customer_id = cc.customer_id and ct.role = 'self' and ct.phone is not null
                            cross join lateral generate_series(1, floor(random() * (? + 1) + 0 * ct.id)::int) k
                            where cc.status = 'OPEN'
                            union all
                            select cc.id, cc.customer_id, ct.id, ct.phone, 'AGENT_CALL',
                                   (cast(? as date) + time '09:00' + random() * interval '9 hours') at time zone 'Asia/Shanghai',
                                   'CONVERSATION_THIRD_PARTY', 'CALL_BACK_REQUEST'
                            from collection_case cc
                            join contact ct on ct.customer_id = cc.customer_id and ct.role <> 'self' and ct.phone is not null
                            where cc.status = 'OPEN' and random() < 0.02 + 0 * ct.id
                        ) day_calls
                        order by at""", day, maxCalls, day);
                rows += n;
                System.err.printf("history %s: %,d rows in %.1f s%n", day, n, (System.nanoTime() - t) / 1e9);
            }
            result.put("days", days);
            result.put("rows", rows);
            result.put("insertSeconds", (System.nanoTime() - t0) / 1e9);
            long t1 = System.nanoTime();
            jdbc.execute("vacuum analyze contact_attempt");
            result.put("vacuumAnalyzeSeconds", (System.nanoTime() - t1) / 1e9);
            result.put("ledgerSize", jdbc.queryForObject("select pg_size_pretty(pg_total_relation_size('contact_attempt'))", String.class));
            result.put("accounts", jdbc.queryForObject("select count(*) from account", Long.class));

            Path file = dir.resolve("contact-requests.csv");
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write("case_id,contact_id,role\n");
                jdbc.query("""
                        select cc.id, ct.id, ct.role from collection_case cc join contact ct on ct.customer_id = cc.customer_id
                        where cc.status = 'OPEN' and ct.phone is not null and ct.valid
                          and (ct.role = 'self' or random() < 0.1)
                        order by random() limit ?""", rs -> {
                    try {
                        out.write(rs.getLong(1) + "," + rs.getLong(2) + "," + rs.getString(3) + "\n");
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }, requests);
            }
            result.put("requestsFile", file.toString());
        }
        System.out.println(BenchCommand.toJson(result));
        return 0;
    }
}
