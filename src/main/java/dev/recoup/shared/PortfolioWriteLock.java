package dev.recoup.shared;

/**
 * A PostgreSQL advisory lock that keeps imports and the daily run apart: an import holds it
 * shared for its transaction ({@code pg_try_advisory_xact_lock_shared(KEY)}); the daily run holds
 * it exclusively while it reads the portfolio. An import that cannot get it answers 409, so a
 * run never sees half an import and an import never waits a minute in silence.
 */
public final class PortfolioWriteLock {

    public static final long KEY = 7_301_001L;

    private PortfolioWriteLock() {
    }
}
