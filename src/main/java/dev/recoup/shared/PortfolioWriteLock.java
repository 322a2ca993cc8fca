package dev.recoup.shared;

/**
 * A PostgreSQL advisory lock that keeps imports and the daily run apart: an import holds it
 * shared for its transaction ({@code pg_try_advisory_xact_lock_shared(KEY)}); the daily run holds
 * it exclusively while it reads the portfolio. An import that cannot get it answers 409, so a
 * run never sees half an import and an import never waits a minute in silence for a run.
 * Imports also exclude each other through {@link #IMPORT_KEY}.
 */
public final class PortfolioWriteLock {

    public static final long KEY = 7_301_001L;

    /**
     * Held exclusively by an import for its transaction ({@code pg_advisory_xact_lock(IMPORT_KEY)}),
     * taken before {@link #KEY}: imports run one after the other, a second one waits for the
     * first to commit. An import inserts the rows whose key it found missing with a plain INSERT,
     * which is only safe if no other import can insert the same key in between. Nothing else
     * takes it. (7_301_002 is the daily run's owner lock, private to {@code DailyRunService}.)
     */
    public static final long IMPORT_KEY = 7_301_003L;

    private PortfolioWriteLock() {
    }
}
