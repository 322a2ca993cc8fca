package dev.recoup.casework;

import dev.recoup.access.ScopeCondition;
import dev.recoup.shared.JdbcRows;
import dev.recoup.shared.Masking;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What people and the API read: accounts, customers and cases with their delinquency as of the
 * current daily run (the latest completed one). A read model over the portfolio and the daily
 * run's snapshot, in SQL, so one screen is one or two queries.
 */
@Service
public class CaseQueries {

    private final JdbcClient jdbc;

    public CaseQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The latest completed run whose snapshot is current; {@link #NONE} before the first run. */
    public record CurrentRun(long id, LocalDate businessDate) {
        static final CurrentRun NONE = new CurrentRun(-1, null);
    }

    public Optional<CurrentRun> currentRun() {
        return jdbc.sql("select id, business_date from daily_run where status = 'COMPLETED' and superseded_by is null"
                + " order by business_date desc, id desc limit 1").query(CurrentRun.class).optional();
    }

    public Map<String, Object> account(String accountRef) {
        CurrentRun run = currentRun().orElse(CurrentRun.NONE);
        Map<String, Object> account = row(jdbc.sql("""
                        select a.id, a.account_ref as account_id, c.customer_ref as customer_id, a.product, a.currency, a.principal as principal_minor,
                               a.annual_rate, a.start_date, a.maturity_date
                        from account a join customer c on c.id = a.customer_id where a.account_ref = ?""").param(accountRef))
                .orElseThrow(() -> new NotFoundException("account", accountRef));
        long id = ((Number) account.remove("id")).longValue();
        account.put("status", row(jdbc.sql("""
                select business_date, days_past_due, bucket, oldest_unpaid_due_date, overdue_principal, overdue_interest, overdue_fee,
                       overdue_penalty, overdue_total, outstanding, paid, credit, max_days_late_settled, repayments_made
                from account_status where run_id = ? and account_id = ?""").params(run.id(), id)).orElse(null));
        List<Map<String, Object>> payments = rows(jdbc.sql("""
                select p.id as payment_no, p.payment_ref as payment_id, p.paid_on, p.amount as amount_minor, p.channel,
                       exists (select 1 from payment_reversal r where r.payment_id = p.id) as reversed
                from payment p where p.account_id = ? order by p.paid_on, p.id""").param(id));
        // How the payments paid the schedule: the allocations recorded when each was posted (the
        // payments journal, ADR 0012), which the daily run reads too.
        account.put("instalments", rows(jdbc.sql("""
                select i.seq, i.due_date, i.principal_due, i.interest_due, i.fee_due, i.penalty_due,
                       coalesce(j.paid, 0) as paid,
                       i.principal_due + i.interest_due + i.fee_due + i.penalty_due - coalesce(j.paid, 0) as unpaid,
                       case when coalesce(j.paid, 0) >= i.principal_due + i.interest_due + i.fee_due + i.penalty_due
                                 and i.principal_due + i.interest_due + i.fee_due + i.penalty_due > 0 then j.last_on end as settled_on
                from instalment i
                left join (select seq, sum(fee + penalty + interest + principal) as paid, max(effective_on) as last_on from payment_allocation
                           where account_id = ? and seq is not null group by seq) j on j.seq = i.seq
                where i.account_id = ? order by i.seq""").params(id, id)));
        account.put("credit_minor", jdbc.sql("select coalesce(sum(credit), 0) from payment_allocation where account_id = ? and seq is null")
                .param(id).query(Long.class).single());
        account.put("payments", payments);
        account.put("collateral", rows(jdbc.sql("""
                select collateral_ref as collateral_id, type, description, appraised_value as appraised_value_minor, appraised_on
                from collateral where account_id = ? order by id""").param(id)));
        return account;
    }

    public Map<String, Object> customer(String customerRef, boolean revealPersonalData) {
        CurrentRun run = currentRun().orElse(CurrentRun.NONE);
        Map<String, Object> customer = row(jdbc.sql("""
                        select id, customer_ref as customer_id, name, id_number, birth_date, gender, occupation, employer, region_code, address
                        from customer where customer_ref = ?""").param(customerRef))
                .orElseThrow(() -> new NotFoundException("customer", customerRef));
        long id = ((Number) customer.remove("id")).longValue();
        List<Map<String, Object>> contacts = rows(jdbc.sql("""
                select contact_ref as contact_id, role, name, phone, email, address, valid, source from contact where customer_id = ? order by id""")
                .param(id));
        if (!revealPersonalData) {
            customer.put("id_number", Masking.idNumber((String) customer.get("id_number")));
            contacts.forEach(c -> c.put("phone", Masking.phone((String) c.get("phone"))));
        }
        customer.put("contacts", contacts);
        customer.put("status", customerStatus(run, id));
        customer.put("accounts", accountsOf(run, id));
        customer.put("cases", rows(jdbc.sql("select id, status, opened_on, closed_on, close_reason from collection_case where customer_id = ? order by id")
                .param(id)));
        return customer;
    }

    private Map<String, Object> customerStatus(CurrentRun run, long customerId) {
        return row(jdbc.sql("""
                select business_date, worst_days_past_due, bucket, tier, overdue_total, outstanding, accounts, overdue_accounts,
                       good_history, repayment_trend, repayment_variation_bp
                from customer_status where run_id = ? and customer_id = ?""").params(run.id(), customerId)).orElse(null);
    }

    private List<Map<String, Object>> accountsOf(CurrentRun run, long customerId) {
        return rows(jdbc.sql("""
                select a.account_ref as account_id, a.product, a.principal as principal_minor, s.days_past_due, s.bucket, s.overdue_total,
                       s.outstanding
                from account a left join account_status s on s.run_id = ? and s.account_id = a.id
                where a.customer_id = ? order by a.id""").params(run.id(), customerId));
    }

    public record CasePage(List<Map<String, Object>> cases, int page, int size, long total, LocalDate asOf) {
    }

    /** Open (or closed) cases, largest overdue first, filtered by the current tier and bucket; only those the scope lets through (access/CaseScope over c.id). */
    public CasePage cases(String status, String tier, String bucket, int page, int size, ScopeCondition scope) {
        CurrentRun run = currentRun().orElse(CurrentRun.NONE);
        String where = " where c.status = :status and (cast(:tier as text) is null or s.tier = :tier) and (cast(:bucket as text) is null or s.bucket = :bucket)"
                + " and " + scope.sql();
        String from = " from collection_case c join customer cu on cu.id = c.customer_id left join customer_status s on s.run_id = " + run.id()
                + " and s.customer_id = c.customer_id";
        long total = jdbc.sql("select count(*)" + from + where).param("status", status).param("tier", tier).param("bucket", bucket)
                .params(scope.params()).query(Long.class).single();
        List<Map<String, Object>> cases = rows(jdbc.sql("""
                        select c.id, cu.customer_ref as customer_id, cu.name as customer_name, c.status, c.opened_on, c.closed_on,
                               s.tier, s.bucket, s.worst_days_past_due, s.overdue_total, s.overdue_accounts, s.accounts""" + from + where
                        + " order by s.overdue_total desc nulls last, c.id limit :size offset :offset")
                .param("status", status).param("tier", tier).param("bucket", bucket).param("size", size).param("offset", (long) page * size)
                .params(scope.params()));
        return new CasePage(cases, page, size, total, run.businessDate());
    }

    public Map<String, Object> caseDetail(long caseId) {
        CurrentRun run = currentRun().orElse(CurrentRun.NONE);
        Map<String, Object> c = row(jdbc.sql("""
                        select c.id, cu.customer_ref as customer_id, cu.name as customer_name, cu.id as internal_customer_id, c.status, c.opened_on,
                               c.closed_on, c.close_reason, c.flow_stage, c.stage_entered_on
                        from collection_case c join customer cu on cu.id = c.customer_id where c.id = ?""").param(caseId))
                .orElseThrow(() -> new NotFoundException("case", caseId));
        long customerId = ((Number) c.remove("internal_customer_id")).longValue();
        c.put("status_now", customerStatus(run, customerId));
        c.put("accounts", accountsOf(run, customerId));
        c.put("events", rows(jdbc.sql("select business_date, event, reason, run_id from case_event where case_id = ? order by id").param(caseId)));
        return c;
    }

    private static List<Map<String, Object>> rows(JdbcClient.StatementSpec sql) {
        return sql.query().listOfRows().stream().map(JdbcRows::plain).toList();
    }

    private static Optional<Map<String, Object>> row(JdbcClient.StatementSpec sql) {
        return rows(sql).stream().findFirst();
    }

}
