package dev.recoup.payments.persistence;

import dev.recoup.payments.PaymentsProperties;
import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.PortfolioImported;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;


/**
 * Payments that come with a portfolio import are allocated inside the import's transaction, by the
 * same rule as posted ones: every payment the import inserted or changed (a changed amount, date or
 * account) gets its journal rows (again). A reversed payment stays reversed, whatever the lender's
 * file says of it. When the import changed instalments, credit held by their accounts pays the new dues first.
 */
@Component
class ImportedPayments {

    private final JdbcClient jdbc;
    private final PostingLocks locks;
    private final BulkAllocation bulk;
    private final AllocationJournal journal;
    private final PaymentsProperties properties;

    ImportedPayments(JdbcClient jdbc, PostingLocks locks, BulkAllocation bulk, AllocationJournal journal, PaymentsProperties properties) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.bulk = bulk;
        this.journal = journal;
        this.properties = properties;
    }

    private record Account(long id, String product) {
    }

    @EventListener
    void allocate(PortfolioImported imported) {
        boolean payments = imported.kinds().contains(ImportKind.PAYMENTS), instalments = imported.kinds().contains(ImportKind.INSTALMENTS);
        if (!payments && !instalments) {
            return;
        }
        locks.manyAccountsInImport();
        // The import stamped its rows with its start time, stored with the same precision in portfolio_import.
        String stamp = "(select started_at from portfolio_import where id = " + imported.importId() + ")";
        if (instalments) {
            // New or raised dues are paid first by credit the account already holds (older money than this import's payments).
            List<Account> withCredit = jdbc.sql("""
                    select a.id, a.product from account a
                    where a.id in (select i.account_id from instalment i where i.updated_at = %s)
                      and (select coalesce(sum(j.credit), 0) from payment_allocation j where j.account_id = a.id and j.seq is null) > 0
                    order by a.id""".formatted(stamp)).query(Account.class).list();
            for (Account account : withCredit) {
                journal.applyCredits(account.id(), properties.orderFor(account.product()), imported.stampedAt().toInstant());
            }
        }
        if (!payments) {
            return;
        }
        // A changed payment's old allocation goes; the payment is allocated again as it is now.
        jdbc.sql("delete from payment_allocation a using payment p where p.updated_at = " + stamp
                + " and a.payment_id = p.id and p.created_at <> p.updated_at").update();
        String select = """
                select p.id, p.account_id, p.paid_on, p.amount, p.payment_ref, p.channel, p.id from payment p
                where p.updated_at = %s and not exists (select 1 from payment_reversal r where r.payment_id = p.id)""".formatted(stamp);
        bulk.allocate(select, imported.stampedAt().toInstant());
    }
}
