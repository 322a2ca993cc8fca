package dev.recoup.bench;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code bench workbench-load [--dir bench-data/payments] [--agents 50] [--cases-per-agent 2000] [--seconds 120] [--warmup 60]
 * [--think-ms 0]}: the agent workbench under load (issue 6). Starts Recoup over the database in
 * {@code dir/postgres} — a portfolio already imported and run, e.g. by {@code payments-file} (1M
 * accounts) — and gives {@code agents} bench agents (a team, agents and AGENT users {@code bench-agent-N},
 * password {@code bench}) {@code cases-per-agent} open cases each, taken over from their current holders
 * as a reassignment would. Then each simulated agent, on its own session, loops: its queue page
 * ({@code /my-queue}, a random page of it), then one of its cases ({@code /cases/{id}}), pausing
 * {@code think-ms} between requests (0: back to back, the harshest case). Reports, per page, the
 * latency measured by the client and the server's own time (Micrometer's {@code http.server.requests}
 * percentiles for that URI), and the load average. Client and server share the two cores.
 */
final class WorkbenchLoadBench {

    private WorkbenchLoadBench() {
    }

    static int run(Class<?> application, String[] args) throws Exception {
        Map<String, String> options = BenchCommand.options(args);
        Path dir = Path.of(options.getOrDefault("dir", "bench-data/payments")).toAbsolutePath();
        int agents = Integer.parseInt(options.getOrDefault("agents", "50"));
        int casesPerAgent = Integer.parseInt(options.getOrDefault("cases-per-agent", "2000"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "120"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "60"));
        long thinkMs = Long.parseLong(options.getOrDefault("think-ms", "0"));
        Map<String, Object> result = new LinkedHashMap<>();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(application).run(
                "--recoup.database.embedded.data-directory=" + dir.resolve("postgres"),
                "--recoup.demo.load-on-empty-database=false",
                "--recoup.daily-run.schedule=-",
                "--recoup.contact.best-time.schedule=-",
                "--recoup.channels.outbox.scheduled=false",
                "--recoup.task-messages.schedule=-",
                "--recoup.agreements.reminders.schedule=-",
                "--management.metrics.distribution.percentiles.http.server.requests=0.5,0.95,0.99",
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=ERROR")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            long open = jdbc.queryForObject("select count(*) from collection_case where status = 'OPEN'", Long.class);
            if ((long) agents * casesPerAgent > open) {
                throw new IllegalArgumentException("--agents × --cases-per-agent = " + (long) agents * casesPerAgent + " but only " + open + " cases are open");
            }
            Map<String, long[]> casesByUser = giveCases(jdbc, agents, casesPerAgent);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            URI base = URI.create("http://localhost:" + port);
            result.put("accounts", jdbc.queryForObject("select count(*) from account", Long.class));
            result.put("openCases", open);
            result.put("agents", agents);
            result.put("casesPerAgent", casesPerAgent);
            result.put("thinkMillis", thinkMs);
            result.put("cores", Runtime.getRuntime().availableProcessors());

            System.err.println("warming up " + warmup + " s …");
            load(base, casesByUser, casesPerAgent, warmup, thinkMs, null);
            var registry = app.getBean(io.micrometer.core.instrument.MeterRegistry.class);
            registry.clear();
            String before = PaymentsFileBench.loadAverage();
            System.err.println("measuring " + seconds + " s …");
            Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
            AtomicLong errors = new AtomicLong();
            load(base, casesByUser, casesPerAgent, seconds, thinkMs, new Recorder(latencies, errors));
            result.put("loadAverageBefore", before);
            result.put("loadAverageAfter", PaymentsFileBench.loadAverage());
            result.put("errors", errors.get());
            Map<String, Object> pages = new LinkedHashMap<>();
            for (var e : latencies.entrySet()) {
                long[] sorted = e.getValue().stream().mapToLong(Long::longValue).sorted().toArray();
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("requests", sorted.length);
                page.put("perSecond", Math.round(sorted.length / (double) seconds));
                page.put("clientMillis", Map.of("p50", millis(sorted, 0.5), "p95", millis(sorted, 0.95), "p99", millis(sorted, 0.99)));
                page.put("serverMillis", serverPercentiles(registry, e.getKey().equals("queue") ? "/my-queue" : "/cases/{id}"));
                pages.put(e.getKey(), page);
            }
            result.put("pages", pages);
        }
        System.out.println(BenchCommand.toJson(result));
        return 0;
    }

    /**
     * A team of bench agents, each with an AGENT user, and {@code perAgent} open cases each: their
     * current assignments end as REALLOCATED and the bench agent's start, as a reassignment does.
     * Run again, it reuses the agents and users and gives them the same cases.
     */
    private static Map<String, long[]> giveCases(JdbcTemplate jdbc, int agents, int perAgent) {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        jdbc.update("""
                insert into team (code, name_zh, name_en, kind, queues) values ('BENCH', '压测组', 'Bench team', 'PHONE', '{}')
                on conflict (code) do nothing""");
        String hash = PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("bench");
        Map<String, long[]> casesByUser = new LinkedHashMap<>();
        long runId = jdbc.queryForObject("select coalesce(max(id), 0) from allocation_run", Long.class);
        List<Long> cases = jdbc.queryForList("select id from collection_case where status = 'OPEN' order by id limit ?", Long.class, agents * perAgent);
        for (int a = 0; a < agents; a++) {
            String ref = "BENCH-%03d".formatted(a + 1);
            long agentId = jdbc.queryForObject("""
                    insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                    select ?, ?, id, 3, date '2020-01-01', ?, 100000000000 from team where code = 'BENCH'
                    on conflict (agent_ref) do update set max_open_cases = excluded.max_open_cases returning id""", Long.class, ref, "压测坐席" + (a + 1), perAgent);
            String username = "bench-agent-" + (a + 1);
            jdbc.update("""
                    insert into app_user (username, display_name, password_hash, roles, agent_ref, created_at, updated_at)
                    values (?, ?, ?, '{AGENT}', ?, now(), now())
                    on conflict (username) do update set password_hash = excluded.password_hash, agent_ref = excluded.agent_ref, enabled = true,
                        failed_logins = 0, locked_until = null""", username, "压测坐席" + (a + 1), hash, ref);
            Long[] mine = cases.subList(a * perAgent, (a + 1) * perAgent).toArray(Long[]::new);
            jdbc.update("""
                    update case_assignment set ended_on = ?, end_reason = 'REALLOCATED'
                    where ended_on is null and case_id = any(?) and agent_id is distinct from ?""",
                    today, mine, agentId);
            jdbc.update("""
                    insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, tier, overdue_at_assignment, expected_recovery,
                                                 method, allocation_run_id, assigned_on, review_on)
                    select c.id, ?, (select team_id from agent where id = ?), coalesce(s.queue, 'bench'), coalesce(s.segment_code, 'bench'), c.tier,
                           c.overdue_total, 0, 'BENCH', ?, ?, ?
                    from collection_case c left join case_segment s on s.case_id = c.id
                    where c.id = any(?) and not exists (select 1 from case_assignment x where x.case_id = c.id and x.ended_on is null)""",
                    agentId, agentId, runId, today, today.plusDays(30), mine);
            casesByUser.put(username, Arrays.stream(mine).mapToLong(Long::longValue).toArray());
        }
        jdbc.execute("analyze case_assignment");
        return casesByUser;
    }

    private record Recorder(Map<String, List<Long>> latencies, AtomicLong errors) {
        void record(String page, long nanos, int status) {
            latencies.computeIfAbsent(page, k -> java.util.Collections.synchronizedList(new ArrayList<>())).add(nanos);
            if (status != 200) {
                errors.incrementAndGet();
            }
        }
    }

    /** One virtual thread per agent, each with its own session (cookie), for {@code seconds}. */
    private static void load(URI base, Map<String, long[]> casesByUser, int perAgent, int seconds, long thinkMs, Recorder recorder)
            throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        int pageSize = 50;
        for (var entry : casesByUser.entrySet()) {
            String auth = "Basic " + Base64.getEncoder().encodeToString((entry.getKey() + ":bench").getBytes(StandardCharsets.UTF_8));
            long[] cases = entry.getValue();
            threads.add(Thread.ofVirtual().start(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).build();
                var random = ThreadLocalRandom.current();
                while (System.nanoTime() < end) {
                    int page = random.nextInt(Math.max(1, perAgent / pageSize));
                    get(client, base.resolve("/my-queue?page=" + page), auth, "queue", recorder);
                    pause(thinkMs);
                    get(client, base.resolve("/cases/" + cases[random.nextInt(cases.length)]), auth, "case", recorder);
                    pause(thinkMs);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
    }

    private static void get(HttpClient client, URI uri, String auth, String page, Recorder recorder) {
        long t = System.nanoTime();
        int status;
        try {
            status = client.send(HttpRequest.newBuilder(uri).header("Authorization", auth).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (Exception e) {
            status = -1;
        }
        if (recorder != null) {
            recorder.record(page, System.nanoTime() - t, status);
        }
    }

    private static void pause(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double millis(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return Math.round(sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 10_000.0) / 100.0;
    }

    /** The server's own p50/p95/p99 for one URI template, from Micrometer's timer (ms). */
    private static Map<String, Object> serverPercentiles(io.micrometer.core.instrument.MeterRegistry registry, String uri) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (var timer : registry.find("http.server.requests").tag("uri", uri).tag("status", "200").timers()) {
            var snapshot = timer.takeSnapshot();
            figures.put("count", snapshot.count());
            for (var v : snapshot.percentileValues()) {
                figures.put("p" + Math.round(v.percentile() * 100), Math.round(v.value(java.util.concurrent.TimeUnit.MICROSECONDS) / 10.0) / 100.0);
            }
        }
        return figures;
    }
}
