package dev.recoup.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * {@code bench payments-load --url http://localhost:8080 [--accounts bench-data/payments/payment-accounts.csv] [--rate 2000 |
 * --concurrency 32] [--seconds 60] [--warmup 15] [--retries 0.05] [--client jdk|raw] [--connections 64]}: the HTTP load client
 * ({@link HttpLoad}) posting payments with {@code POST /api/v1/payments}, each with its own idempotency key (in the body's
 * {@code idempotencyKey}) on an account with an open case, 1–3,000 yuan; a share {@code retries} of the requests repeats an
 * earlier request exactly (same key, same body: a client's retry, answered from the first result). Counts 201s as answered.
 * Prints JSON with the load average before and after.
 */
final class PaymentsLoadBench {

    private PaymentsLoadBench() {
    }

    static int run(String[] args) throws Exception {
        Map<String, String> options = BenchCommand.options(args);
        URI url = URI.create(options.getOrDefault("url", "http://localhost:8080") + "/api/v1/payments");
        Path file = Path.of(options.getOrDefault("accounts", "bench-data/payments/payment-accounts.csv"));
        int rate = Integer.parseInt(options.getOrDefault("rate", "0"));
        int concurrency = Integer.parseInt(options.getOrDefault("concurrency", "32"));
        int seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        double retries = Double.parseDouble(options.getOrDefault("retries", "0.05"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(options.getOrDefault("user", "manager:recoup-manager").getBytes(StandardCharsets.UTF_8));
        HttpLoad.Options load = new HttpLoad.Options(rate, concurrency, seconds, warmup, Integer.parseInt(options.getOrDefault("max-in-flight", "1024")),
                "raw".equals(options.getOrDefault("client", "jdk")),
                Integer.parseInt(options.getOrDefault("connections", Integer.toString(rate > 0 ? 64 : concurrency))),
                status -> status == 201, null, null);
        int count = (int) Math.min(20_000_000L, (long) (rate > 0 ? rate : 4000) * (seconds + warmup) * 12 / 10);
        List<byte[]> bodies = bodies(file, count, retries, new Random(Long.parseLong(options.getOrDefault("seed", "42"))));
        String before = PaymentsFileBench.loadAverage();
        Map<String, Object> result = new HttpLoad(url, auth, bodies, load).measure();
        result.put("retryShare", retries);
        result.put("loadAverageBefore", before);
        result.put("loadAverageAfter", PaymentsFileBench.loadAverage());
        System.out.println(BenchCommand.toJson(result));
        return 0;
    }

    private static List<byte[]> bodies(Path file, int count, double retries, Random random) throws Exception {
        List<String> accounts = Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(l -> !l.isBlank()).toList();
        if (accounts.isEmpty()) {
            throw new IllegalArgumentException(file + " holds no accounts: run bench payments-file first");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        List<byte[]> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            if (i > 100 && random.nextDouble() < retries) {
                bodies.add(bodies.get(i - 1 - random.nextInt(100)));
            } else {
                bodies.add(("{\"accountId\":\"" + accounts.get(random.nextInt(accounts.size())) + "\",\"amountMinor\":" + (100 + random.nextInt(300_000))
                        + ",\"channel\":\"api\",\"idempotencyKey\":\"L-" + run + "-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
            }
        }
        return bodies;
    }
}
