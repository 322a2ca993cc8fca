package dev.recoup.agreements.domain;

/**
 * Where a promise to pay stands. OPEN until judged: KEPT as soon as enough is paid; once the grace
 * days after the promised date have passed, PARTLY_KEPT when something but not enough was paid,
 * BROKEN when nothing was. CANCELLED by a person before the promised date (not counted anywhere).
 */
public enum PromiseStatus {
    OPEN, KEPT, PARTLY_KEPT, BROKEN, CANCELLED;

    /** Counted as a broken promise for strategies (brokenPromises): not honoured, wholly or in part. */
    public boolean notHonoured() {
        return this == BROKEN || this == PARTLY_KEPT;
    }
}
