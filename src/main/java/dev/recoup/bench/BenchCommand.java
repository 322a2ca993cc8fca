package dev.recoup.bench;

import dev.recoup.allocation.OrganisationSeeder;
import dev.recoup.dailyrun.DailyRun;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.demo.DemoPortfolioGenerator;
import dev.recoup.demo.GenerationSummary;
import dev.recoup.portfolio.ImportReport;
import dev.recoup.portfolio.PortfolioImporter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code bench --accounts N [--seed S] [--as-of yyyy-MM-dd] [--dir bench-data] [--agents A] [--task-messages yes]} (sub-commands:
 * {@code bench payments-file …}, {@link PaymentsFileBench}; {@code bench payments-load …}, {@link PaymentsLoadBench}): generates N
 * accounts, starts Recoup over a fresh embedded PostgreSQL in {@code dir}, imports the files,
 * creates an organisation of A agents (default one per 3,333 accounts: 300 for a million) and three
 * agencies, runs the daily run for the as-of date, puts promises to pay and instalment plans on a share of the cases
 * ({@code --promises-percent 10 --plans-percent 2}), runs the day after (each run allocates; the second judges the
 * promises and tracks the plans), sends that day's promise reminders, then measures the floor —
 * PostgreSQL COPYing the same input files into plain tables and COPYing the run's results out —
 * and prints every figure as JSON on standard output. With {@code --task-messages yes}, after the
 * first day's run the task messages job sends that day's SMS, e-mail and letter tasks to the outbox
 * (timed; the job and the outbox dispatcher never run by themselves during the benchmark). With
 * {@code --workbench-agents 50 [--workbench-cases 2000 --workbench-seconds 60 --workbench-warmup 20 --workbench-think-ms 0]}, after the
 * next day's run that many agents work their queue and case pages over HTTP ({@link WorkbenchLoad}).
 */
public final class BenchCommand {

    private static final List<String> KINDS = List.of("customers", "contacts", "accounts", "instalments", "payments", "collateral");
    private static final List<String> DAILY_RUN_INPUTS = List.of("accounts", "instalments", "payments");

    private BenchCommand() {
    }

    /** @param application the Spring Boot application class to start (passed in, so this module does not depend on it) */
    public static int run(Class<?> application, String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("payments-file")) {
            return PaymentsFileBench.run(application, java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        if (args.length > 0 && args[0].equals("payments-load")) {
            return PaymentsLoadBench.run(java.util.Arrays.copyOfRange(args, 1, args.length));
        }
        Map<String, String> options = options(args);
        int accounts = Integer.parseInt(options.getOrDefault("accounts", "100000"));
        long seed = Long.parseLong(options.getOrDefault("seed", "42"));
        LocalDate asOf = LocalDate.parse(options.getOrDefault("as-of", "2026-11-20"));
        Path dir = Path.of(options.getOrDefault("dir", "bench-data")).toAbsolutePath();
        Path files = dir.resolve("portfolio");

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("accounts", accounts);
        result.put("seed", seed);
        result.put("asOf", asOf.toString());
        result.put("cores", Runtime.getRuntime().availableProcessors());

        long t0 = System.nanoTime();
        GenerationSummary generated = new DemoPortfolioGenerator().generate(files, accounts, seed, asOf);
        result.put("generateSeconds", seconds(t0));
        result.put("rows", generated.rows());

        // Command-line arguments, so they win over application.yml.
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(
                "--recoup.database.embedded.data-directory=" + dir.resolve("postgres"),
                "--recoup.database.embedded.clean-on-start=true",
                "--recoup.demo.load-on-empty-database=false",
                "--recoup.daily-run.schedule=-",
                "--recoup.task-messages.schedule=-",
                "--recoup.channels.outbox.scheduled=false",
                "--management.metrics.distribution.percentiles.http.server.requests=0.5,0.95,0.99",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=ERROR")) {
            PortfolioImporter importer = app.getBean(PortfolioImporter.class);
            DailyRunService runs = app.getBean(DailyRunService.class);
            DataSource dataSource = app.getBean(DataSource.class);

            long t1 = System.nanoTime();
            ImportReport report = importer.importDirectory(files);
            double importSeconds = seconds(t1);
            long rowsRead = report.total().read();
            result.put("import", Map.of("seconds", importSeconds, "rowsRead", rowsRead, "rejected", report.total().rejected(),
                    "rowsPerSecond", Math.round(rowsRead / importSeconds)));

            OrganisationSeeder.Plan plan = OrganisationSeeder.Plan.forAccounts(accounts);
            if (options.containsKey("agents")) {
                plan = new OrganisationSeeder.Plan(Integer.parseInt(options.get("agents")), plan.agencies(), plan.casesPerAgent(),
                        plan.typicalOverdueYuan(), plan.seed());
            }
            var org = app.getBean(OrganisationSeeder.class).create(plan, asOf);
            result.put("organisation", Map.of("agents", org.agents(), "newAgents", org.newAgents(), "agencies", org.agencies()));

            var first = runs.runToCompletion(asOf, "bench");
            result.put("dailyRunFirst", runFigures(runs, first));
            result.put("allocationFirst", allocationFigures(dataSource, first.id()));
            if ("yes".equals(options.get("task-messages"))) {
                result.put("taskMessagesFirst", taskMessageFigures(app, dataSource, asOf));
            }
            // Promises and plans (issue 5) for the next day's "agreements" step; --promises-percent 0 for none.
            int promisePercent = Integer.parseInt(options.getOrDefault("promises-percent", "10"));
            if (promisePercent > 0) {
                result.put("agreements", AgreementsLoad.seed(dataSource, asOf, promisePercent,
                        Integer.parseInt(options.getOrDefault("plans-percent", "2"))));
            }
            var next = runs.runToCompletion(asOf.plusDays(1), "bench");
            if (promisePercent > 0) {
                long tr = System.nanoTime();
                var sent = app.getBean(dev.recoup.agreements.AgreementReminders.class).send(asOf.plusDays(1));
                result.put("agreementReminders", Map.of("enqueued", sent.enqueued(), "skipped", sent.skipped(), "seconds", round(seconds(tr))));
            }
            result.put("dailyRunNextDay", runFigures(runs, next));
            result.put("allocationNextDay", allocationFigures(dataSource, next.id()));
            // The workbench (issue 6): --workbench-agents 50 agents with --workbench-cases 2000 cases each, at work over HTTP.
            int workbenchAgents = Integer.parseInt(options.getOrDefault("workbench-agents", "0"));
            if (workbenchAgents > 0) {
                result.put("workbench", WorkbenchLoad.run(app, asOf.plusDays(1), workbenchAgents,
                        Integer.parseInt(options.getOrDefault("workbench-cases", "2000")),
                        Integer.parseInt(options.getOrDefault("workbench-seconds", "60")),
                        Integer.parseInt(options.getOrDefault("workbench-warmup", "20")),
                        Long.parseLong(options.getOrDefault("workbench-think-ms", "0"))));
            }

            try (Connection connection = dataSource.getConnection()) {
                CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
                Map<String, Double> copyIn = copyIn(connection, copy, files);
                double copyOut = copyOut(copy, next.id());
                double allIn = copyIn.values().stream().mapToDouble(Double::doubleValue).sum();
                double runInputsIn = DAILY_RUN_INPUTS.stream().mapToDouble(copyIn::get).sum();
                double dailyRunFloor = runInputsIn + copyOut;
                double runSeconds = ((Number) ((Map<?, ?>) result.get("dailyRunNextDay")).get("seconds")).doubleValue();
                result.put("floor", Map.of(
                        "copyInSecondsByKind", copyIn,
                        "copyInAllSeconds", round(allIn),
                        "copyInRowsPerSecond", Math.round(rowsRead / allIn),
                        "copyOutResultsSeconds", round(copyOut),
                        "dailyRunFloorSeconds", round(dailyRunFloor)));
                result.put("ratios", Map.of(
                        "importToCopyIn", round(importSeconds / allIn),
                        "dailyRunNextDayToFloor", round(runSeconds / dailyRunFloor)));
            }
        }
        System.out.println(toJson(result));
        return 0;
    }

    private static Map<String, Object> runFigures(DailyRunService runs, dev.recoup.dailyrun.DailyRun run) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("businessDate", run.businessDate().toString());
        figures.put("status", run.status());
        figures.put("seconds", round((run.finishedAt().toInstant().toEpochMilli() - run.startedAt().toInstant().toEpochMilli()) / 1000.0));
        figures.put("stepsMillis", runs.steps(run.id()).stream()
                .collect(Collectors.toMap(s -> s.step(), s -> s.millis(), (a, b) -> a, LinkedHashMap::new)));
        return figures;
    }

    /** The task messages job's first run after the first day's daily run: what it did, how long it took, the outbox by channel. */
    private static Map<String, Object> taskMessageFigures(ConfigurableApplicationContext app, DataSource dataSource, LocalDate asOf) throws Exception {
        var report = app.getBean(dev.recoup.taskmessages.TaskMessageDispatcher.class).runOnce(asOf);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("seconds", round(report.millis() / 1000.0));
        figures.put("batches", report.batches());
        figures.put("tasks", report.tasks());
        figures.put("enqueued", report.enqueued());
        figures.put("noContact", report.noContact());
        figures.put("held", report.held());
        figures.put("nothingOverdue", report.nothingOverdue());
        figures.put("refused", report.refused());
        figures.put("tasksPerSecond", report.millis() == 0 ? 0 : Math.round(report.tasks() * 1000.0 / report.millis()));
        figures.put("millis", Map.of("select", report.selectMillis(), "holds", report.holdsMillis(), "enqueue", report.enqueueMillis(),
                "closeTasks", report.closeMillis()));
        Map<String, Long> byChannel = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("select channel, count(*) from outbound_message group by channel order by channel")) {
            while (rs.next()) {
                byChannel.put(rs.getString(1), rs.getLong(2));
            }
        }
        figures.put("outboxByChannel", byChannel);
        return figures;
    }

    /** The allocation the daily run made: cases, each method's expected recovery (yuan) and the LP bound, solve time. */
    private static Map<String, Object> allocationFigures(DataSource dataSource, long dailyRunId) throws Exception {
        Map<String, Object> figures = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection(); var statement = connection.createStatement();
             var rs = statement.executeQuery("""
                     select cases_to_allocate, cases_assigned, expected_round_robin, expected_snake, expected_optimised, lp_bound, solve_millis,
                            extract(epoch from finished_at - started_at) as seconds
                     from allocation_run where daily_run_id = """ + dailyRunId + " order by id desc limit 1")) {
            if (rs.next()) {
                figures.put("casesToAllocate", rs.getLong(1));
                figures.put("casesAssigned", rs.getLong(2));
                figures.put("expectedRoundRobinYuan", rs.getLong(3) / 100);
                figures.put("expectedSnakeYuan", rs.getLong(4) / 100);
                figures.put("expectedOptimisedYuan", rs.getLong(5) / 100);
                figures.put("lpBoundYuan", rs.getLong(6) / 100);
                figures.put("optimisedShareOfBound", rs.getLong(6) == 0 ? 1.0 : round((double) rs.getLong(5) / rs.getLong(6)));
                figures.put("solveMillis", rs.getLong(7));
                figures.put("seconds", round(rs.getDouble(8)));
            }
        }
        return figures;
    }

    /** The floor for the import: PostgreSQL COPYing each file into a plain table without constraints. */
    private static Map<String, Double> copyIn(Connection connection, CopyManager copy, Path files) throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        try (var statement = connection.createStatement()) {
            statement.execute("drop schema if exists bench_floor cascade");
            statement.execute("create schema bench_floor");
        }
        for (String kind : KINDS) {
            Path file = files.resolve(kind + ".csv");
            String header = Files.readAllLines(file, StandardCharsets.UTF_8).getFirst();
            try (var statement = connection.createStatement()) {
                statement.execute("create unlogged table bench_floor." + kind + " (" + List.of(header.split(",")).stream()
                        .map(c -> c + " text").collect(Collectors.joining(", ")) + ")");
            }
            long t = System.nanoTime();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                copy.copyIn("copy bench_floor." + kind + " from stdin (format csv, header true)", reader);
            }
            seconds.put(kind, round(seconds(t)));
        }
        try (var statement = connection.createStatement()) {
            statement.execute("drop schema bench_floor cascade");
        }
        return seconds;
    }

    /** The floor for the daily run's output: COPYing the run's snapshots out. */
    private static double copyOut(CopyManager copy, long runId) throws Exception {
        long t = System.nanoTime();
        try (OutputStream sink = OutputStream.nullOutputStream()) {
            copy.copyOut("copy (select * from account_status where run_id = " + runId + ") to stdout", sink);
            copy.copyOut("copy (select * from customer_status where run_id = " + runId + ") to stdout", sink);
        }
        return seconds(t);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + args[i] + "'; use --accounts N --seed S --as-of yyyy-MM-dd --dir DIR");
            }
            String[] kv = args[i].substring(2).split("=", 2);
            options.put(kv[0], kv.length == 2 ? kv[1] : args[++i]);
        }
        return options;
    }

    private static double seconds(long startNanos) {
        return round((System.nanoTime() - startNanos) / 1e9);
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    static String toJson(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(BenchCommand::toJson).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream().map(e -> "\"" + e.getKey() + "\": " + toJson(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof String s) {
            return "\"" + s.replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(value);
    }
}
