package dev.recoup.payments;

import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Retries over real HTTP, from real threads, against the real database: a key posts at most once, whatever arrives when. */
@RecoupIntegrationTest
class RetriedPostingTest {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeEach
    void accounts() {
        TestDatabase.clean(jdbc);
        PortfolioFixture fixture = new PortfolioFixture(jdbc).customer("C1");
        for (int a = 1; a <= 4; a++) {
            fixture.account("A" + a, "C1", "2026-01-10", 6, 1000);
        }
    }

    private record Answer(int status, String body) {
    }

    private Answer post(String key, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/payments"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("manager:recoup-manager".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.body());
    }

    @Test
    void sixteenConcurrentRetriesOfOneKeyPostOnceAndAllGetTheFirstAnswer() throws Exception {
        String body = "{\"accountId\":\"A1\",\"paidOn\":\"2026-02-01\",\"amountMinor\":150000}";
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Answer>> retries = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            retries.add(() -> {
                start.await();
                return post("same-key", body);
            });
        }
        List<Answer> answers = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(16)) {
            List<Future<Answer>> futures = retries.stream().map(threads::submit).toList();
            start.countDown();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
        }

        assertThat(answers).extracting(Answer::status).containsOnly(201);
        assertThat(answers).extracting(Answer::body).containsOnly(answers.getFirst().body());
        assertThat(jdbc.sql("select count(*) from payment").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select sum(fee + penalty + interest + principal + credit) from payment_allocation").query(Long.class).single())
                .isEqualTo(150000);
    }

    /**
     * Random traffic: keys each stand for one payment (one body); requests repeat keys in any order,
     * several at once, and now and then send a key with another body. Whatever the interleaving, a
     * key posts once, every answer for a key is the first one (or 409 for another body), and the
     * journal holds exactly the money of the payments posted.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void randomRetriesFromManyThreadsNeverPostTwice(long seed) throws Exception {
        Random random = new Random(seed);
        int keys = 12;
        Map<String, String> bodyOf = new HashMap<>();
        Map<String, Long> amountOf = new HashMap<>();
        for (int k = 0; k < keys; k++) {
            long amount = 1 + random.nextInt(400_000);
            amountOf.put("k" + seed + "-" + k, amount);
            bodyOf.put("k" + seed + "-" + k, "{\"accountId\":\"A" + (1 + random.nextInt(4)) + "\",\"paidOn\":\"2026-02-01\",\"amountMinor\":" + amount + "}");
        }
        record Request(String key, String body, boolean same) {
        }
        List<Request> requests = new ArrayList<>();
        for (int r = 0; r < 60; r++) {
            String key = "k" + seed + "-" + random.nextInt(keys);
            boolean other = random.nextInt(10) == 0;
            requests.add(new Request(key, other ? bodyOf.get(key).replace("2026-02-01", "2026-02-02") : bodyOf.get(key), !other));
        }
        Map<Request, Answer> answers = new HashMap<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(6)) {
            Map<Request, Future<Answer>> futures = new HashMap<>();
            for (Request request : requests) {
                futures.put(request, threads.submit(() -> post(request.key(), request.body())));
            }
            for (var e : futures.entrySet()) {
                answers.put(e.getKey(), e.getValue().get());
            }
        }

        Map<String, String> firstBody = new HashMap<>();
        long expected = 0;
        for (var e : answers.entrySet()) {
            Answer answer = e.getValue();
            if (answer.status() == 201) {
                String earlier = firstBody.putIfAbsent(e.getKey().key(), answer.body());
                assertThat(answer.body()).isEqualTo(earlier == null ? answer.body() : earlier);
            } else {
                // Another body under a posted key, or the other body reached the key first and the real one is then refused.
                assertThat(answer.status()).isEqualTo(409);
            }
        }
        List<String> posted = jdbc.sql("select payment_ref from payment").query(String.class).list();
        assertThat(posted).doesNotHaveDuplicates();
        for (String ref : posted) {
            String key = ref.substring("API-".length());
            expected += jdbc.sql("select amount from payment where payment_ref = ?").param(ref).query(Long.class).single();
            assertThat(amountOf).containsKey(key);
        }
        assertThat(posted).hasSize(firstBody.size());
        assertThat(jdbc.sql("select coalesce(sum(fee + penalty + interest + principal + credit), 0) from payment_allocation").query(Long.class).single())
                .isEqualTo(expected);
    }
}
