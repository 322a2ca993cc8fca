package dev.recoup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code contact-load --url http://localhost:8080 --requests bench-data/contact-requests.csv [--rate 5000 | --concurrency 64]
 * [--seconds 60] [--warmup 20] [--user manager:recoup-manager]}: an HTTP load client for
 * {@code POST /api/v1/contact-decisions}. Java's HttpClient (HTTP/1.1, keep-alive), one virtual
 * thread per request.
 *
 * <p>With {@code --rate} (open loop) requests are sent on a fixed schedule and each latency is
 * measured from the request's <em>scheduled</em> start, so a server that falls behind is charged for
 * the queue it causes (no coordinated omission); at most {@code --max-in-flight} (1,024) are
 * outstanding. With {@code --concurrency} (closed loop) that many virtual threads send back to back:
 * the throughput the server sustains. Each request asks about a sampled (case, contact) from the
 * file — the debtor for collection, a relative for a call-back request — on a robot call, agent call
 * or SMS, at a random minute of the last week (so quiet hours, caps and holds all decide). All
 * latencies are kept and sorted (no histogram bucketing). Prints JSON.
 */
public final class ContactLoadCommand {

    private ContactLoadCommand() {
    }

    public static int run(String[] args) throws Exception {
        Map<String, String> options = BenchCommand.options(args);
        URI url = URI.create(options.getOrDefault("url", "http://localhost:8080") + "/api/v1/contact-decisions");
        Path file = Path.of(options.getOrDefault("requests", "bench-data/contact-requests.csv"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "64"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        int maxInFlight = Integer.parseInt(options.getOrDefault("max-in-flight", "1024"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(options.getOrDefault("user", "manager:recoup-manager").getBytes(StandardCharsets.UTF_8));

        List<byte[]> bodies = bodies(file, 200_000, new Random(42));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", url.toString());
        result.put("mode", rate > 0 ? "open loop at " + rate + "/s" : "closed loop, " + concurrency + " in flight");
        result.put("cores", Runtime.getRuntime().availableProcessors());
        System.err.println("warming up " + warmup + " s …");
        run(client, url, auth, bodies, rate, concurrency, maxInFlight, warmup, null);
        System.err.println("measuring " + seconds + " s …");
        Measured m = new Measured(rate > 0 ? (long) rate * seconds + 1024 : 20_000_000L);
        long elapsed = run(client, url, auth, bodies, rate, concurrency, maxInFlight, seconds, m);
        long[] latencies = Arrays.copyOf(m.nanos, Math.min(m.count.get(), m.nanos.length));
        Arrays.sort(latencies);
        double secondsTaken = elapsed / 1e9;
        result.put("seconds", round(secondsTaken));
        result.put("requests", latencies.length);
        result.put("errors", m.errors.get());
        result.put("allowed", m.allowed.get());
        result.put("throughputPerSecond", Math.round(latencies.length / secondsTaken));
        Map<String, Object> p = new LinkedHashMap<>();
        for (double q : new double[]{0.5, 0.9, 0.99, 0.999}) {
            p.put("p" + (q * 100 == Math.rint(q * 100) ? Long.toString(Math.round(q * 100)) : Double.toString(q * 100)), millis(percentile(latencies, q)));
        }
        p.put("max", millis(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        result.put("latencyMillis", p);
        System.out.println(BenchCommand.toJson(result));
        return 0;
    }

    private static final class Measured {
        final long[] nanos;
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong allowed = new AtomicLong();

        Measured(long capacity) {
            nanos = new long[(int) Math.min(capacity, 50_000_000L)];
        }

        void record(long latency, int status, String body) {
            int i = count.getAndIncrement();
            if (i < nanos.length) {
                nanos[i] = latency;
            }
            if (status != 200) {
                errors.incrementAndGet();
            } else if (body.contains("\"allowed\":true")) {
                allowed.incrementAndGet();
            }
        }
    }

    /** Sends for {@code seconds}; returns the nanoseconds it took until the last response. */
    private static long run(HttpClient client, URI url, String auth, List<byte[]> bodies, int rate, int concurrency, int maxInFlight, int seconds,
                            Measured measured) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        if (rate > 0) {
            Semaphore inFlight = new Semaphore(maxInFlight);
            long interval = 1_000_000_000L / rate;
            for (long i = 0; ; i++) {
                long scheduled = start + i * interval;
                if (scheduled >= end) {
                    break;
                }
                long wait = scheduled - System.nanoTime();
                if (wait > 100_000) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                inFlight.acquire();
                byte[] body = bodies.get(next.getAndIncrement() % bodies.size());
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        send(client, url, auth, body, scheduled, measured);
                    } finally {
                        inFlight.release();
                    }
                }));
                if (threads.size() > 100_000) {
                    threads.removeIf(t -> !t.isAlive());
                }
            }
        } else {
            for (int c = 0; c < concurrency; c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        send(client, url, auth, bodies.get(next.getAndIncrement() % bodies.size()), System.nanoTime(), measured);
                    }
                }));
            }
        }
        for (Thread t : threads) {
            t.join();
        }
        return System.nanoTime() - start;
    }

    private static void send(HttpClient client, URI url, String auth, byte[] body, long scheduled, Measured measured) {
        HttpRequest request = HttpRequest.newBuilder(url).header("Authorization", auth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        int status;
        String text;
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            text = response.body();
        } catch (Exception e) {
            status = -1;
            text = "";
        }
        if (measured != null) {
            measured.record(System.nanoTime() - scheduled, status, text);
        }
    }

    private static List<byte[]> bodies(Path file, int count, Random random) throws Exception {
        List<String[]> pairs = Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split(",")).toList();
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException(file + " has no (case, contact) rows: run contact-history first");
        }
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        LocalDate today = LocalDate.now(zone);
        String[] channels = {"ROBOT_CALL", "ROBOT_CALL", "AGENT_CALL", "AGENT_CALL", "SMS"};
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String[] p = pairs.get(random.nextInt(pairs.size()));
            boolean self = "self".equals(p[2]);
            Instant at = today.minusDays(random.nextInt(7)).atStartOfDay(zone).plusMinutes(random.nextInt(24 * 60)).toInstant();
            bodies.add(("{\"caseId\":" + p[0] + ",\"contactId\":" + p[1] + ",\"channel\":\"" + (self ? channels[random.nextInt(channels.length)] : "AGENT_CALL")
                    + "\",\"at\":\"" + at + "\",\"purpose\":\"" + (self ? "COLLECTION" : "CALL_BACK_REQUEST") + "\"}").getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double millis(long nanos) {
        return Math.round(nanos / 10_000.0) / 100.0;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
