package dev.recoup.allocation.domain;

/**
 * An open case waiting for a worker, as of the day's snapshot.
 *
 * @param queue      the queue of its strategy segment
 * @param segment    its strategy segment (the "stage" of its treatment path)
 * @param tier       T1…T4 from the customer's status
 * @param bucket     M1…M7+ from the customer's status
 * @param overdue    the customer's overdue total, fen
 * @param regionCode the customer's GB/T 2260 region, or null
 */
public record PoolCase(long caseId, long customerId, String queue, String segment, String tier, String bucket, long overdue,
                       String regionCode) {
}
