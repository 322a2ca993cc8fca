package dev.recoup.contact.testing;

import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.RecordedAttempt;
import dev.recoup.contact.domain.Outcome;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A contact ledger for tests, in memory. Like a ledger in the database it keeps only what its
 * transaction commits: inside a transaction an entry is added after commit (its id is given at once).
 */
public class InMemoryLedger implements ContactLedger {

    public record Entry(long id, RecordedAttempt attempt, List<OutcomeAt> outcomes) {

        public Outcome outcome() {
            return outcomes.isEmpty() ? attempt.outcome() : outcomes.getLast().outcome();
        }
    }

    public record OutcomeAt(Outcome outcome, Instant at) {
    }

    private final AtomicLong ids = new AtomicLong(1000);
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public long record(RecordedAttempt attempt) {
        long id = ids.incrementAndGet();
        afterCommit(() -> entries.put(id, new Entry(id, attempt, new ArrayList<>())));
        return id;
    }

    @Override
    public void outcome(long attemptId, Outcome outcome, Instant at) {
        afterCommit(() -> {
            Entry entry = entries.get(attemptId);
            if (entry == null) {
                throw new IllegalStateException("no attempt " + attemptId);
            }
            synchronized (entry.outcomes()) {
                entry.outcomes().add(new OutcomeAt(outcome, at));
            }
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    public List<Entry> entries() {
        return entries.values().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    public Entry entry(long id) {
        return entries.get(id);
    }

    public void clear() {
        entries.clear();
    }
}
