package dev.recoup.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code contact-load --url http://localhost:8080 --requests bench-data/contact-requests.csv [--rate 5000 | --concurrency 64]
 * [--seconds 60] [--warmup 20] [--user manager:recoup-manager] [--client jdk|raw] [--connections 64]}: an HTTP load client for
 * {@code POST /api/v1/contact-decisions} ({@link HttpLoad}: one virtual thread per request; {@code --client jdk} (default)
 * uses Java's HttpClient, {@code --client raw} writes HTTP/1.1 on {@code --connections} kept-alive sockets).
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
        String auth = "Basic " + Base64.getEncoder().encodeToString(options.getOrDefault("user", "manager:recoup-manager").getBytes(StandardCharsets.UTF_8));
        HttpLoad.Options load = new HttpLoad.Options(rate, concurrency, Integer.parseInt(options.getOrDefault("seconds", "60")),
                Integer.parseInt(options.getOrDefault("warmup", "20")), Integer.parseInt(options.getOrDefault("max-in-flight", "1024")),
                "raw".equals(options.getOrDefault("client", "jdk")),
                Integer.parseInt(options.getOrDefault("connections", Integer.toString(rate > 0 ? 64 : concurrency))),
                status -> status == 200, body -> body.contains("\"allowed\":true"), "allowed");
        Map<String, Object> result = new HttpLoad(url, auth, bodies(file, 200_000, new Random(42)), load).measure();
        System.out.println(BenchCommand.toJson(result));
        return 0;
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

}
