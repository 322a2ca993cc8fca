package dev.recoup.contact.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * The outbox dispatcher ({@code recoup.channels.outbox.*}).
 *
 * @param scheduled      run by itself every {@code interval} (tests turn it off and trigger it)
 * @param interval       pause between runs
 * @param batchSize      messages claimed per run
 * @param lease          how long a claim holds; a SENDING row older than this is recovered (longer than any send can take)
 * @param maxAttempts    sends tried before a message that never got through is FAILED
 * @param initialBackoff wait after the first failed try; doubled after each further one
 * @param maxBackoff     longest wait between tries
 * @param maxDefer       a gate denial whose next allowed time is within this is rescheduled to it; later or unknown → BLOCKED
 */
@ConfigurationProperties("recoup.channels.outbox")
public record OutboxProperties(Boolean scheduled, Duration interval, Integer batchSize, Duration lease, Integer maxAttempts, Duration initialBackoff,
                               Duration maxBackoff, Duration maxDefer) {

    public OutboxProperties {
        scheduled = scheduled == null || scheduled;
        interval = interval == null ? Duration.ofSeconds(10) : interval;
        batchSize = batchSize == null ? 100 : batchSize;
        lease = lease == null ? Duration.ofMinutes(2) : lease;
        maxAttempts = maxAttempts == null ? 6 : maxAttempts;
        initialBackoff = initialBackoff == null ? Duration.ofSeconds(30) : initialBackoff;
        maxBackoff = maxBackoff == null ? Duration.ofHours(1) : maxBackoff;
        maxDefer = maxDefer == null ? Duration.ofDays(3) : maxDefer;
        if (batchSize < 1 || maxAttempts < 1 || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("recoup.channels.outbox: batch-size and max-attempts must be 1 or more and lease positive");
        }
    }

    /** The wait after {@code attempts} failed tries: initial × 2^(attempts−1), at most {@code maxBackoff}. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration wait = initialBackoff.multipliedBy(1L << doublings);
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
