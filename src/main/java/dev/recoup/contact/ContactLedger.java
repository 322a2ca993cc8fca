package dev.recoup.contact;

import dev.recoup.contact.domain.Outcome;

import java.time.Instant;

/** The contact ledger: every attempt on every channel, the facts the gate decides from. */
public interface ContactLedger {

    /** Records an attempt; returns its id. */
    long record(RecordedAttempt attempt);

    /** A delivery receipt or call result for an attempt recorded earlier (e.g. SMS DELIVERED, e-mail BOUNCED). */
    void outcome(long attemptId, Outcome outcome, Instant at);
}
