package dev.recoup.taskmessages.persistence;

import dev.recoup.taskmessages.domain.CaseDebt;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/**
 * Finds the message tasks to send, a batch at a time, with what their messages need — in one query:
 * the debtor's own contact for the task's medium and the case's most overdue account in the current
 * daily run. Reads the portfolio, the run's snapshot and the tasks (casework's table) in SQL, as the
 * strategy's reader does; changes tasks only through casework's {@code Tasks}.
 */
@Component
public class MessageTaskStore {

    /**
     * An open message task, locked for this transaction.
     *
     * @param contactId the debtor's own valid contact with a phone (SMS), an e-mail address (EMAIL) or
     *                  a postal address (LETTER; the customer's address counts), or null when none
     * @param debt      the case's most overdue account now, or null when nothing is overdue
     */
    public record DueTask(long taskId, long caseId, String type, String template, Long contactId, CaseDebt debt) {
    }

    /** The batch's query (named parameters: channels, codes, run, today, after, limit); public for the benchmark's EXPLAIN. */
    public static final String DUE = """
        select t.id, t.case_id, t.type, t.template, k.id as contact_id,
               s.account_id, a.account_ref, a.product, s.overdue_total, s.outstanding, s.oldest_unpaid_due_date, s.days_past_due
        from task t
        join unnest(cast(:channels as text[]), cast(:codes as text[])) as m(channel, code) on m.channel = t.type and m.code = t.template
        join collection_case c on c.id = t.case_id and c.status = 'OPEN' and c.flow_stage not in ('CLOSED', 'ARCHIVED')
        join customer cu on cu.id = c.customer_id
        left join lateral (
            select k.id from contact k
            where k.customer_id = c.customer_id and k.role = 'self' and k.valid
              and case t.type when 'SMS' then nullif(btrim(k.phone), '') is not null
                              when 'EMAIL' then nullif(btrim(k.email), '') is not null
                              else coalesce(nullif(btrim(k.address), ''), nullif(btrim(cu.address), '')) is not null end
            order by k.id limit 1) k on true
        left join lateral (
            select s.account_id, s.overdue_total, s.outstanding, s.oldest_unpaid_due_date, s.days_past_due from account_status s
            where s.run_id = :run and s.customer_id = c.customer_id and s.overdue_total > 0
            order by s.overdue_total desc, s.account_id limit 1) s on true
        left join account a on a.id = s.account_id
        where t.status = 'OPEN' and t.type in ('SMS', 'EMAIL', 'LETTER') and t.due_on <= :today and t.id > :after
        order by t.id
        limit :limit
        for update of t skip locked""";

    private final JdbcClient jdbc;

    MessageTaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Up to {@code limit} open tasks after task {@code afterId}, of type SMS, EMAIL or LETTER, due on
     * or before {@code today}, on an open case, whose (type, template) is one of {@code channels} ×
     * {@code codes} (the message templates written to the debtor); locked FOR UPDATE SKIP LOCKED, so
     * two instances never take the same task and a person completing one at the same moment waits.
     *
     * @param runId the current daily run, whose snapshot gives the debt
     */
    public List<DueTask> lockDue(LocalDate today, long afterId, int limit, long runId, String[] channels, String[] codes) {
        return jdbc.sql(DUE)
                .param("channels", channels).param("codes", codes).param("run", runId).param("today", today).param("after", afterId)
                .param("limit", limit)
                .query((rs, n) -> new DueTask(rs.getLong("id"), rs.getLong("case_id"), rs.getString("type"), rs.getString("template"),
                        (Long) rs.getObject("contact_id"),
                        rs.getObject("account_id") == null ? null : new CaseDebt(rs.getLong("account_id"), rs.getString("account_ref"),
                                rs.getString("product"), rs.getLong("overdue_total"), rs.getLong("outstanding"),
                                rs.getObject("oldest_unpaid_due_date", LocalDate.class), rs.getInt("days_past_due"))))
                .list();
    }
}
