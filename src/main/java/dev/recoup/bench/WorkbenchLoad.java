package dev.recoup.bench;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The workbench under agents at work (issue 6): gives each of {@code agents} bench agents
 * {@code casesPerAgent} open cases (set-based, ending the cases' current assignments), makes a user
 * for each, then runs one closed-loop client per agent for {@code seconds} over HTTP — its queue (a
 * random page) and one of its cases, in turn, pausing a random 0.5–1.5 × {@code thinkMillis} between pages (0: back to
 * back) — and reports each page's latency percentiles as the
 * client saw them, and the server's own percentiles after the warm-up (http.server.requests).
 */
final class WorkbenchLoad {

    private WorkbenchLoad() {
    }

    static Map<String, Object> run(ConfigurableApplicationContext app, LocalDate day, int agents, int casesPerAgent, int seconds, int warmupSeconds,
                                   long thinkMillis)
            throws Exception {
        JdbcClient jdbc = JdbcClient.create(app.getBean(javax.sql.DataSource.class));
        long team = jdbc.sql("select id from team where kind = 'PHONE' order by id limit 1").query(Long.class).optional()
                .orElseThrow(() -> new IllegalStateException("no phone team: run the organisation first"));
        long open = jdbc.sql("select count(*) from collection_case where status = 'OPEN'").query(Long.class).single();
        int agentCount = (int) Math.min(agents, open / casesPerAgent);
        if (agentCount < 1) {
            throw new IllegalStateException(open + " open cases: too few for one agent with " + casesPerAgent);
        }
        long t0 = System.nanoTime();
        jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                select 'WB' || lpad(n::text, 4, '0'), '压测催收员' || n, ?, 3, date '2020-01-01', ?, 1000000000000
                from generate_series(1, ?) n on conflict (agent_ref) do nothing""").params(team, casesPerAgent, agentCount).update();
        // One transaction for the temporary table: JdbcClient over the DataSource would use a new connection per statement.
        var transactions = new org.springframework.transaction.support.TransactionTemplate(
                app.getBean(org.springframework.transaction.PlatformTransactionManager.class));
        transactions.executeWithoutResult(status -> {
            JdbcClient tx = app.getBean(JdbcClient.class);
            tx.sql("""
                    create temporary table bench_workbench_cases on commit drop as
                    select c.id as case_id, (row_number() over (order by c.id) - 1) / ? + 1 as n
                    from collection_case c where c.status = 'OPEN' order by c.id limit ?""").params(casesPerAgent, (long) agentCount * casesPerAgent).update();
            tx.sql("""
                    update case_assignment a set ended_on = ?, end_reason = 'REALLOCATED'
                    from bench_workbench_cases b where a.case_id = b.case_id and a.ended_on is null""").param(day).update();
            tx.sql("""
                    insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, overdue_at_assignment, expected_recovery, method,
                                                 allocation_run_id, assigned_on, review_on)
                    select b.case_id, g.id, g.team_id, 'bench', 'bench', 0, 0, 'ROUND_ROBIN', 0, ?, ?
                    from bench_workbench_cases b join agent g on g.agent_ref = 'WB' || lpad(b.n::text, 4, '0')""").params(day, day.plusDays(30)).update();
            tx.sql("""
                    insert into app_user (username, display_name, password_hash, roles, agent_ref, created_at, updated_at)
                    select 'bench-agent-' || n, 'bench agent ' || n, '{noop}bench', '{AGENT}', 'WB' || lpad(n::text, 4, '0'), now(), now()
                    from generate_series(1, ?) n
                    on conflict (username) do update set agent_ref = excluded.agent_ref, password_hash = excluded.password_hash""").param(agentCount).update();
        });
        jdbc.sql("analyze case_assignment").update();
        double setupSeconds = (System.nanoTime() - t0) / 1e9;

        List<long[]> casesOf = new ArrayList<>();
        for (int n = 1; n <= agentCount; n++) {
            casesOf.add(jdbc.sql("""
                    select a.case_id from case_assignment a join agent g on g.id = a.agent_id
                    where g.agent_ref = ? and a.ended_on is null""").param(String.format("WB%04d", n)).query(Long.class).list()
                    .stream().mapToLong(Long::longValue).toArray());
        }
        String base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<Long> queueNanos = Collections.synchronizedList(new ArrayList<>());
        List<Long> caseNanos = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        long warmupEnds = System.nanoTime() + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long ends = warmupEnds + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService clients = Executors.newFixedThreadPool(agentCount);
        // The server's own timings from the end of the warm-up: its meters start afresh then.
        MeterRegistry registry = app.getBeanProvider(MeterRegistry.class).getIfAvailable();
        var warmupOver = Executors.newSingleThreadScheduledExecutor();
        if (registry != null) {
            warmupOver.schedule(registry::clear, warmupSeconds, TimeUnit.SECONDS);
        }
        int queuePages = Math.max(1, casesPerAgent / 50);
        for (int n = 1; n <= agentCount; n++) {
            String auth = "Basic " + Base64.getEncoder().encodeToString(("bench-agent-" + n + ":bench").getBytes(StandardCharsets.UTF_8));
            long[] own = casesOf.get(n - 1);
            clients.submit(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                boolean queue = random.nextBoolean();
                while (System.nanoTime() < ends) {
                    String path = queue ? "/my-queue?page=" + random.nextInt(queuePages) : "/cases/" + own[random.nextInt(own.length)];
                    long start = System.nanoTime();
                    try {
                        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", auth)
                                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.discarding());
                        long took = System.nanoTime() - start;
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        } else if (start > warmupEnds) {
                            (queue ? queueNanos : caseNanos).add(took);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    queue = !queue;
                    if (thinkMillis > 0) {
                        Thread.sleep(random.nextLong(thinkMillis / 2, thinkMillis * 3 / 2 + 1));
                    }
                }
                return null;
            });
        }
        clients.shutdown();
        clients.awaitTermination(seconds + warmupSeconds + 120L, TimeUnit.SECONDS);
        warmupOver.shutdown();

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("agents", agentCount);
        result.put("casesPerAgent", casesPerAgent);
        result.put("setupSeconds", Math.round(setupSeconds * 100) / 100.0);
        result.put("seconds", seconds);
        result.put("thinkMillis", thinkMillis);
        result.put("errors", errors.get());
        result.put("queueClientMs", percentiles(queueNanos));
        result.put("caseClientMs", percentiles(caseNanos));
        if (registry != null) {
            result.put("queueServer", server(registry, "/my-queue"));
            result.put("caseServer", server(registry, "/cases/{id}"));
        }
        return result;
    }

    private static Map<String, Object> percentiles(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("requests", sorted.size());
        if (!sorted.isEmpty()) {
            for (double q : new double[] {0.5, 0.95, 0.99}) {
                p.put("p" + Math.round(q * 100), ms(sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1))));
            }
            p.put("max", ms(sorted.getLast()));
        }
        return p;
    }

    /**
     * The server's own timing of a page after the warm-up (http.server.requests, answered 200): count, mean, maximum and
     * the percentiles the bench's application publishes (management.metrics.distribution.percentiles, BenchCommand).
     */
    private static Map<String, Object> server(MeterRegistry registry, String uri) {
        Map<String, Object> s = new LinkedHashMap<>();
        for (Timer timer : registry.find("http.server.requests").tag("uri", uri).tag("status", "200").timers()) {
            var snapshot = timer.takeSnapshot();
            s.put("requests", snapshot.count());
            s.put("meanMs", Math.round(snapshot.mean(TimeUnit.MILLISECONDS) * 10) / 10.0);
            for (var v : snapshot.percentileValues()) {
                s.put("p" + Math.round(v.percentile() * 100) + "Ms", Math.round(v.value(TimeUnit.MILLISECONDS) * 10) / 10.0);
            }
            s.put("maxMs", Math.round(snapshot.max(TimeUnit.MILLISECONDS) * 10) / 10.0);
        }
        return s;
    }

    private static double ms(long nanos) {
        return Math.round(nanos / 1e5) / 10.0;
    }
}
