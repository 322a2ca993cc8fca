package dev.recoup.payments.persistence;

import dev.recoup.shared.PortfolioWriteLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The locks a posting takes, always in this order, all held to the end of its transaction:
 * <ol>
 *   <li>the portfolio write lock, shared — waits while a daily run assesses the accounts (it holds
 *       it exclusively), so a run never reads a journal that changes under it;</li>
 *   <li>the posting lock — shared for postings that touch one account (API, reversal, adjustment),
 *       exclusive for those that touch many at once (a file, an import's payments), which cannot
 *       take one lock per account;</li>
 *   <li>for one-account postings, the account's own lock: two payments of one account are
 *       allocated one after the other, each against what the other left owed.</li>
 * </ol>
 * All are advisory locks: nothing is written to take them.
 */
@Component
public class PostingLocks {

    /** First key of the two-key advisory locks on one account. */
    private static final int ACCOUNT_CLASS = 7_301_009;
    static final long POSTING_KEY = 7_301_009L;

    private final JdbcClient jdbc;

    public PostingLocks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The three locks of a one-account posting as select-list expressions, for a statement that also does other work; %s is the account id. */
    public static final String ONE_ACCOUNT_LOCKS = "pg_advisory_xact_lock_shared(" + PortfolioWriteLock.KEY + ") as portfolio_lock,"
            + " pg_advisory_xact_lock_shared(" + POSTING_KEY + ") as posting_lock, pg_advisory_xact_lock(" + ACCOUNT_CLASS + ", cast(%s as integer)) as account_lock";

    public void oneAccount(long accountId) {
        jdbc.sql("select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?, ?)")
                .params(PortfolioWriteLock.KEY, POSTING_KEY, ACCOUNT_CLASS, (int) accountId)
                .query(rs -> {
                });
    }

    public void manyAccounts() {
        jdbc.sql("select pg_advisory_xact_lock_shared(?), pg_advisory_xact_lock(?)")
                .params(PortfolioWriteLock.KEY, POSTING_KEY)
                .query(rs -> {
                });
    }

    /** For the import, which already holds the portfolio lock shared (taken with a try). */
    public void manyAccountsInImport() {
        jdbc.sql("select pg_advisory_xact_lock(?)").param(POSTING_KEY).query(rs -> {
        });
    }
}
