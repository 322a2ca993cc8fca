package dev.recoup.workbench.persistence;

import dev.recoup.shared.JdbcRows;
import dev.recoup.access.ScopeCondition;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The workbench's read model: the queue and the case sheet, in SQL over the portfolio, the daily
 * run's current snapshot, allocation, tasks, the contact ledger, agreements, waivers and documents.
 * Every statement reads by an index on the case or the customer; the queue is one statement.
 */
@Repository
public class WorkbenchQueries {

    /** The latest completed, not superseded daily run: whose customer_status and account_status are current. */
    private static final String CURRENT_RUN = "(select id from daily_run where status = 'COMPLETED' and superseded_by is null"
            + " order by business_date desc, id desc limit 1)";

    /** My queue's order (tasks due first, then tier, overdue amount, days past due): the queue page and the "next case" key share it. */
    private static final String QUEUE_ORDER = "(coalesce(t.due_tasks, 0) > 0) desc, s.tier desc nulls last, s.overdue_total desc nulls last,"
            + " s.worst_days_past_due desc nulls last, c.id\n";

    private final JdbcClient jdbc;

    public WorkbenchQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record QueuePage(List<Map<String, Object>> cases, int page, int size, long total) {

        public int pages() {
            return (int) ((total + size - 1) / size);
        }
    }

    /**
     * An agent's open assigned cases: cases with tasks due (today or before) first, then by tier (T4
     * before T1), overdue amount and days past due. One statement; the count rides along as a window.
     */
    public QueuePage queue(long agentId, LocalDate today, int page, int size) {
        List<Map<String, Object>> rows = rows(jdbc.sql("""
                select c.id, cu.customer_ref, cu.name as customer_name, c.flow_stage, s.tier, s.bucket, s.worst_days_past_due,
                       s.overdue_total, s.repayment_trend, t.due_tasks, t.next_due_on, t.next_task_type,
                       p.promised_on as promise_on, p.amount as promise_amount, count(*) over () as total
                from case_assignment a
                join collection_case c on c.id = a.case_id and c.status = 'OPEN'
                join customer cu on cu.id = c.customer_id
                left join customer_status s on s.run_id = """ + CURRENT_RUN + """
                 and s.customer_id = c.customer_id
                left join lateral (select count(*) filter (where t.due_on <= :today) as due_tasks, min(t.due_on) as next_due_on,
                                          (array_agg(t.type order by t.due_on, t.id))[1] as next_task_type
                                   from task t where t.case_id = c.id and t.status = 'OPEN') t on true
                left join promise p on p.case_id = c.id and p.status = 'OPEN'
                where a.agent_id = :agent and a.ended_on is null
                order by """ + QUEUE_ORDER + """
                limit :size offset :offset""")
                .param("today", today).param("agent", agentId).param("size", size).param("offset", (long) page * size));
        long total = rows.isEmpty() ? (page == 0 ? 0 : count(agentId)) : ((Number) rows.getFirst().get("total")).longValue();
        return new QueuePage(rows, page, size, total);
    }

    private long count(long agentId) {
        return jdbc.sql("""
                select count(*) from case_assignment a join collection_case c on c.id = a.case_id and c.status = 'OPEN'
                where a.agent_id = ? and a.ended_on is null""").param(agentId).query(Long.class).single();
    }

    /** The case after {@code caseId} in the agent's queue order (the first one when it is not in the queue), if any. */
    public Optional<Long> nextInQueue(long agentId, long caseId, LocalDate today) {
        return jdbc.sql("""
                with q as (
                  select c.id, row_number() over (order by """ + QUEUE_ORDER + """
                  ) as n
                  from case_assignment a
                  join collection_case c on c.id = a.case_id and c.status = 'OPEN'
                  left join customer_status s on s.run_id = """ + CURRENT_RUN + """
                   and s.customer_id = c.customer_id
                  left join lateral (select count(*) filter (where t.due_on <= :today) as due_tasks
                                     from task t where t.case_id = c.id and t.status = 'OPEN') t on true
                  where a.agent_id = :agent and a.ended_on is null)
                select id from q where n > coalesce((select n from q where id = :case), 0) and id <> :case order by n limit 1""")
                .param("today", today).param("agent", agentId).param("case", caseId).query(Long.class).optional();
    }

    /**
     * The case, its customer (raw personal data: mask before showing), its current status, its holder and the
     * latest cause of delinquency the debtor gave on a call.
     */
    public Map<String, Object> caseHeader(long caseId) {
        return row(jdbc.sql("""
                select c.id, c.status, c.opened_on, c.closed_on, c.flow_stage, cu.id as customer_pk, cu.customer_ref, cu.name as customer_name,
                       cu.id_number, cu.gender, cu.birth_date, cu.occupation, cu.employer, cu.region_code, cu.address,
                       s.business_date, s.tier, s.bucket, s.worst_days_past_due, s.overdue_total, s.outstanding, s.accounts, s.overdue_accounts,
                       s.good_history, s.repayment_trend, s.repayment_variation_bp,
                       ag.agent_ref, ag.name as agent_name, a.agent_id, a.queue, w.delinquency_cause, w.started_at as delinquency_cause_at
                from collection_case c join customer cu on cu.id = c.customer_id
                left join lateral (select w.delinquency_cause, w.started_at from workbench_call w
                                   where w.case_id = c.id and w.delinquency_cause is not null order by w.id desc limit 1) w on true
                left join customer_status s on s.run_id = """ + CURRENT_RUN + """
                 and s.customer_id = c.customer_id
                left join case_assignment a on a.case_id = c.id and a.ended_on is null
                left join agent ag on ag.id = a.agent_id
                where c.id = ?""").param(caseId)).orElseThrow(() -> new NotFoundException("case", caseId));
    }

    /** The case's customer (its row id). */
    public long customerOf(long caseId) {
        return jdbc.sql("select customer_id from collection_case where id = ?").param(caseId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("case", caseId));
    }

    /** The customer's contacts (raw phones: mask before showing), the debtor first. */
    public List<Map<String, Object>> contacts(long customerId) {
        return rows(jdbc.sql("""
                select id, contact_ref, role, name, phone, email, valid, source from contact where customer_id = ?
                order by (role = 'self') desc, valid desc, id""").param(customerId));
    }

    /** The customer's accounts as of the current run, with each instalment and what has been paid of it. */
    public List<Map<String, Object>> accounts(long customerId) {
        List<Map<String, Object>> accounts = rows(jdbc.sql("""
                select a.id, a.account_ref, a.product, a.principal, a.start_date, a.maturity_date, s.days_past_due, s.bucket,
                       s.overdue_total, s.outstanding, s.oldest_unpaid_due_date
                from account a left join account_status s on s.run_id = """ + CURRENT_RUN + """
                 and s.account_id = a.id
                where a.customer_id = ? order by a.id""").param(customerId));
        List<Map<String, Object>> instalments = rows(jdbc.sql("""
                select i.account_id, i.seq, i.due_date, i.principal_due + i.interest_due + i.fee_due + i.penalty_due as due,
                       coalesce(pa.paid, 0) as paid
                from account a join instalment i on i.account_id = a.id
                left join lateral (select sum(x.principal + x.interest + x.fee + x.penalty) as paid from payment_allocation x
                                   where x.account_id = i.account_id and x.seq = i.seq) pa on true
                where a.customer_id = ? order by i.account_id, i.seq""").param(customerId));
        for (Map<String, Object> account : accounts) {
            Object id = account.get("id");
            account.put("instalments", instalments.stream().filter(i -> i.get("account_id").equals(id)).toList());
        }
        return accounts;
    }

    /** The customer's newest three repayments, newest first. */
    public List<Map<String, Object>> lastRepayments(long customerId) {
        return rows(jdbc.sql("""
                select p.paid_on, p.amount, p.channel, a.account_ref
                from account a join lateral (select * from payment p where p.account_id = a.id order by p.paid_on desc, p.id desc limit 3) p on true
                where a.customer_id = ? order by p.paid_on desc, p.id desc limit 3""").param(customerId));
    }

    /** The case's contact history, newest first (dialer reservations never dialled left out). */
    public List<Map<String, Object>> contactHistory(long caseId, int limit) {
        return rows(jdbc.sql("""
                select x.id, x.at, x.channel, x.direction, x.outcome, x.purpose, x.made_by, x.contact_id, k.name as contact_name,
                       k.role as contact_role, w.disposition, w.delinquency_cause, w.identity_verified_at
                from contact_attempt x left join contact k on k.id = x.contact_id left join workbench_call w on w.attempt_id = x.id
                where x.case_id = ? and x.voided_at is null order by x.at desc, x.id desc limit ?""").params(caseId, limit));
    }

    public List<Map<String, Object>> promises(long caseId) {
        return rows(jdbc.sql("""
                select id, promised_on, amount, paid, status, channel, recorded_by, recorded_on, note from promise
                where case_id = ? order by id desc limit 10""").param(caseId));
    }

    public List<Map<String, Object>> plans(long caseId) {
        return rows(jdbc.sql("""
                select id, total, instalments, frequency, start_on, status, paid, missed, created_on from plan
                where case_id = ? order by id desc limit 10""").param(caseId));
    }

    public List<Map<String, Object>> waivers(long caseId) {
        return rows(jdbc.sql("""
                select id, kind, total, status, requested_by, requested_at from waiver where case_id = ? order by id desc limit 10""").param(caseId));
    }

    public List<Map<String, Object>> documents(long caseId) {
        return rows(jdbc.sql("""
                select id, kind, title, language, status, created_by, created_at from case_document where case_id = ? order by id desc limit 20""")
                .param(caseId));
    }

    private List<Map<String, Object>> rows(JdbcClient.StatementSpec sql) {
        return sql.query().listOfRows().stream().map(JdbcRows::plain).toList();
    }

    private Optional<Map<String, Object>> row(JdbcClient.StatementSpec sql) {
        return rows(sql).stream().findFirst();
    }

}
