package dev.recoup.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/**
 * The HTTP load client behind {@code contact-load} and {@code payments-load}: POSTs JSON bodies to one
 * URL, one virtual thread per request. {@code jdk} uses Java's HttpClient (HTTP/1.1, keep-alive);
 * {@code raw} writes HTTP/1.1 requests on kept-alive sockets and reads each response by its
 * Content-Length — the same requests for a fraction of the client's CPU, which matters when the
 * client shares the server's two cores.
 *
 * <p>With a rate (open loop) requests are sent on a fixed schedule and each latency is measured from
 * the request's <em>scheduled</em> start, so a server that falls behind is charged for the queue it
 * causes (no coordinated omission); at most {@code maxInFlight} are outstanding. Without (closed loop)
 * {@code concurrency} virtual threads send back to back: the throughput the server sustains. Bodies
 * are taken in order, warm-up first, and wrap around only when all are used. All latencies are kept
 * and sorted (no histogram bucketing).
 */
public final class HttpLoad {

    /**
     * @param ok      which statuses count as answered (others are errors)
     * @param counted which answered bodies to count under {@code countedName} (null: none)
     */
    public record Options(int rate, int concurrency, int seconds, int warmup, int maxInFlight, boolean raw, int connections, IntPredicate ok,
                          Predicate<String> counted, String countedName) {
    }

    private final URI url;
    private final String auth;
    private final List<byte[]> bodies;
    private final Options options;
    private final AtomicInteger next = new AtomicInteger();

    public HttpLoad(URI url, String auth, List<byte[]> bodies, Options options) {
        this.url = url;
        this.auth = auth;
        this.bodies = bodies;
        this.options = options;
    }

    /** Warms up, measures, and returns the figures (throughput, errors, latency percentiles). */
    public Map<String, Object> measure() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        Sender sender = options.raw() ? new RawSender(url, auth, options.connections())
                : (body, scheduled, measured) -> send(client, url, auth, body, scheduled, measured);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("url", url.toString());
        result.put("mode", (options.rate() > 0 ? "open loop at " + options.rate() + "/s" : "closed loop, " + options.concurrency() + " in flight")
                + (options.raw() ? ", raw HTTP/1.1 on " + options.connections() + " connections" : ", java.net.http.HttpClient"));
        result.put("cores", Runtime.getRuntime().availableProcessors());
        System.err.println("warming up " + options.warmup() + " s …");
        run(sender, options.warmup(), null);
        System.err.println("measuring " + options.seconds() + " s …");
        Measured m = new Measured(options.rate() > 0 ? (long) options.rate() * options.seconds() + 1024 : 20_000_000L);
        long elapsed = run(sender, options.seconds(), m);
        long[] latencies = Arrays.copyOf(m.nanos, Math.min(m.count.get(), m.nanos.length));
        Arrays.sort(latencies);
        double secondsTaken = elapsed / 1e9;
        result.put("seconds", round(secondsTaken));
        result.put("requests", latencies.length);
        result.put("errors", m.errors.get());
        if (options.countedName() != null) {
            result.put(options.countedName(), m.counted.get());
        }
        result.put("throughputPerSecond", Math.round(latencies.length / secondsTaken));
        result.put("answeredPerSecond", Math.round((latencies.length - m.errors.get()) / secondsTaken));
        Map<String, Object> p = new LinkedHashMap<>();
        for (double q : new double[]{0.5, 0.9, 0.99, 0.999}) {
            p.put("p" + (q * 100 == Math.rint(q * 100) ? Long.toString(Math.round(q * 100)) : Double.toString(q * 100)), millis(percentile(latencies, q)));
        }
        p.put("max", millis(latencies.length == 0 ? 0 : latencies[latencies.length - 1]));
        result.put("latencyMillis", p);
        return result;
    }

    private byte[] nextBody() {
        return bodies.get(Math.floorMod(next.getAndIncrement(), bodies.size()));
    }

    private final class Measured {
        final long[] nanos;
        final AtomicInteger count = new AtomicInteger();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong counted = new AtomicLong();

        Measured(long capacity) {
            nanos = new long[(int) Math.min(capacity, 50_000_000L)];
        }

        void record(long latency, int status, String body) {
            int i = count.getAndIncrement();
            if (i < nanos.length) {
                nanos[i] = latency;
            }
            if (!options.ok().test(status)) {
                errors.incrementAndGet();
            } else if (options.counted() != null && options.counted().test(body)) {
                counted.incrementAndGet();
            }
        }
    }

    /** Sends one request and records its latency from {@code scheduled}. */
    private interface Sender {
        void send(byte[] body, long scheduled, Measured measured);
    }

    /** Sends for {@code seconds}; returns the nanoseconds it took until the last response. */
    private long run(Sender sender, int seconds, Measured measured) throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        if (options.rate() > 0) {
            Semaphore inFlight = new Semaphore(options.maxInFlight());
            long interval = 1_000_000_000L / options.rate();
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
                byte[] body = nextBody();
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        sender.send(body, scheduled, measured);
                    } finally {
                        inFlight.release();
                    }
                }));
                if (threads.size() > 100_000) {
                    threads.removeIf(t -> !t.isAlive());
                }
            }
        } else {
            for (int c = 0; c < options.concurrency(); c++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    while (System.nanoTime() < end) {
                        sender.send(nextBody(), System.nanoTime(), measured);
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

    /**
     * HTTP/1.1 on kept-alive sockets: a pool of connections; a request takes one (waiting while all are
     * busy — the wait counts in its latency), writes the request, reads the status line, the headers and
     * Content-Length bytes of body, and gives the connection back.
     */
    private final class RawSender implements Sender {
        private final String host;
        private final int port;
        private final byte[] head;
        private final java.util.concurrent.BlockingQueue<Connection> pool;

        RawSender(URI url, String auth, int connections) {
            this.host = url.getHost();
            this.port = url.getPort() < 0 ? 80 : url.getPort();
            this.head = ("POST " + url.getRawPath() + " HTTP/1.1\r\nHost: " + host + ":" + port + "\r\nAuthorization: " + auth
                    + "\r\nContent-Type: application/json\r\nAccept: application/json\r\nConnection: keep-alive\r\nContent-Length: ")
                    .getBytes(StandardCharsets.US_ASCII);
            this.pool = new java.util.concurrent.ArrayBlockingQueue<>(connections);
            for (int i = 0; i < connections; i++) {
                pool.add(new Connection());
            }
        }

        private final class Connection {
            java.net.Socket socket;
            java.io.OutputStream out;
            java.io.InputStream in;
            final byte[] buffer = new byte[16384];

            void open() throws java.io.IOException {
                socket = new java.net.Socket(host, port);
                socket.setTcpNoDelay(true);
                out = new java.io.BufferedOutputStream(socket.getOutputStream(), 8192);
                in = socket.getInputStream();
            }

            void close() {
                try {
                    if (socket != null) {
                        socket.close();
                    }
                } catch (java.io.IOException ignored) {
                    // closing a broken connection
                }
                socket = null;
            }

            /** Returns the status and the body. */
            String exchange(byte[] body, int[] status) throws java.io.IOException {
                if (socket == null) {
                    open();
                }
                out.write(head);
                out.write(Integer.toString(body.length).getBytes(StandardCharsets.US_ASCII));
                out.write(CRLFCRLF);
                out.write(body);
                out.flush();
                int filled = 0;
                int headerEnd = -1;
                while (headerEnd < 0) {
                    int n = in.read(buffer, filled, buffer.length - filled);
                    if (n < 0) {
                        throw new java.io.EOFException("connection closed");
                    }
                    filled += n;
                    headerEnd = indexOf(buffer, filled, CRLFCRLF);
                }
                String headers = new String(buffer, 0, headerEnd, StandardCharsets.ISO_8859_1);
                status[0] = Integer.parseInt(headers.substring(9, 12));
                int length = contentLength(headers);
                int bodyStart = headerEnd + 4;
                byte[] responseBody = new byte[length];
                int have = Math.min(filled - bodyStart, length);
                System.arraycopy(buffer, bodyStart, responseBody, 0, have);
                while (have < length) {
                    int n = in.read(responseBody, have, length - have);
                    if (n < 0) {
                        throw new java.io.EOFException("connection closed");
                    }
                    have += n;
                }
                if (headers.regionMatches(true, 0, "HTTP/1.1", 0, 8) && headers.toLowerCase(java.util.Locale.ROOT).contains("connection: close")) {
                    close();
                }
                return new String(responseBody, StandardCharsets.UTF_8);
            }
        }

        private static final byte[] CRLFCRLF = "\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        private static int indexOf(byte[] data, int length, byte[] pattern) {
            outer:
            for (int i = 0; i + pattern.length <= length; i++) {
                for (int k = 0; k < pattern.length; k++) {
                    if (data[i + k] != pattern[k]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        private static int contentLength(String headers) {
            int at = headers.toLowerCase(java.util.Locale.ROOT).indexOf("content-length:");
            if (at < 0) {
                throw new IllegalStateException("no Content-Length (chunked responses are not read by this client)");
            }
            int end = headers.indexOf('\r', at);
            return Integer.parseInt(headers.substring(at + 15, end < 0 ? headers.length() : end).strip());
        }

        @Override
        public void send(byte[] body, long scheduled, Measured measured) {
            Connection c;
            try {
                c = pool.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            int[] status = {-1};
            String text = "";
            try {
                text = c.exchange(body, status);
            } catch (Exception e) {
                c.close();
                status[0] = -1;
            } finally {
                pool.add(c);
            }
            if (measured != null) {
                measured.record(System.nanoTime() - scheduled, status[0], text);
            }
        }
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
