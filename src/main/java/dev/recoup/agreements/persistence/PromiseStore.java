package dev.recoup.agreements.persistence;

import dev.recoup.agreements.KeptRate;
import dev.recoup.agreements.Promise;
import dev.recoup.agreements.domain.PromiseStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Promises in SQL: writing one, reading them, and the kept rate per agent or team. */
@Component
public class PromiseStore {

    private final JdbcClient jdbc;

    public PromiseStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The case's customer and status, or empty when there is no such case. */
    public record CaseRow(long caseId, long customerId, String status) {
    }

    public Optional<CaseRow> caseRow(long caseId) {
        return jdbc.sql("select id, customer_id, status from collection_case where id = ?").param(caseId)
                .query((rs, n) -> new CaseRow(rs.getLong(1), rs.getLong(2), rs.getString(3))).optional();
    }

    /** Account ids by the lender's refs, only the customer's own; the refs not found are left out. */
    public List<AccountRef> accountsOf(long customerId) {
        return jdbc.sql("select id, account_ref, product from account where customer_id = ? order by id").param(customerId)
                .query((rs, n) -> new AccountRef(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    public record AccountRef(long id, String ref, String product) {
    }

    /** The agent (id, team) by ref. */
    public record AgentRow(long id, long teamId) {
    }

    public Optional<AgentRow> agent(String ref) {
        return jdbc.sql("select id, team_id from agent where agent_ref = ?").param(ref)
                .query((rs, n) -> new AgentRow(rs.getLong(1), rs.getLong(2))).optional();
    }

    /** The case's current agent (allocation's current assignment), if an agent holds it. */
    public Optional<AgentRow> currentAgent(long caseId) {
        return jdbc.sql("""
                        select a.id, a.team_id from case_assignment s join agent a on a.id = s.agent_id
                        where s.case_id = ? and s.ended_on is null""").param(caseId)
                .query((rs, n) -> new AgentRow(rs.getLong(1), rs.getLong(2))).optional();
    }

    public Optional<Long> openPromiseOf(long caseId) {
        return jdbc.sql("select id from promise where case_id = ? and status = 'OPEN'").param(caseId).query(Long.class).optional();
    }

    public record Insert(long caseId, long customerId, LocalDate promisedOn, long amount, long required, LocalDate graceEndsOn, String channel,
                         Long agentId, Long teamId, LocalDate recordedOn, Instant recordedAt, String recordedBy, String note, long[] accounts) {
    }

    /** Inserts the promise and its accounts; null when the case got an open promise meanwhile (the unique index). */
    public Long insert(Insert p) {
        Long id = jdbc.sql("""
                        insert into promise (case_id, customer_id, promised_on, amount, required_amount, grace_ends_on, channel, agent_id, team_id,
                                             recorded_on, recorded_at, recorded_by, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) where status = 'OPEN' do nothing returning id""")
                .params(p.caseId(), p.customerId(), p.promisedOn(), p.amount(), p.required(), p.graceEndsOn(), p.channel(), p.agentId(), p.teamId(),
                        p.recordedOn(), Timestamp.from(p.recordedAt()), p.recordedBy(), p.note())
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            jdbc.sql("insert into promise_account (promise_id, account_id) select ?, unnest(cast(? as bigint[]))").params(id, p.accounts()).update();
        }
        return id;
    }

    /** Cancels an open promise; false when it is no longer open. */
    public boolean cancel(long id, LocalDate today, String reason) {
        return jdbc.sql("""
                        update promise set status = 'CANCELLED', judged_on = ?, judged_by = 'PERSON', cancel_reason = ?, updated_at = now()
                        where id = ? and status = 'OPEN'""").params(today, reason, id).update() == 1;
    }

    private static final String SELECT = """
            select p.id, p.case_id, cu.customer_ref, p.promised_on, p.amount, p.required_amount, p.grace_ends_on, p.channel,
                   ag.agent_ref, ag.name, tm.code, p.recorded_on, p.recorded_at, p.recorded_by, p.note, p.status, p.paid, p.judged_on,
                   p.judged_by, p.cancel_reason,
                   array(select a.account_ref from promise_account pa join account a on a.id = pa.account_id where pa.promise_id = p.id order by a.id)
            from promise p join customer cu on cu.id = p.customer_id
            left join agent ag on ag.id = p.agent_id left join team tm on tm.id = p.team_id
            """;

    public Optional<Promise> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query((rs, n) -> promise(rs, reminders(rs.getLong(1)))).optional();
    }

    public List<Promise> ofCase(long caseId) {
        return jdbc.sql(SELECT + " where p.case_id = ? order by p.id desc").param(caseId).query((rs, n) -> promise(rs, List.of())).list();
    }

    /** Promises by status (null: any), agent ref (null: any), newest first. */
    public List<Promise> list(String status, String agentRef, Long caseId, int limit, long offset) {
        return jdbc.sql(SELECT + """
                         where (cast(:status as text) is null or p.status = :status)
                           and (cast(:agent as text) is null or ag.agent_ref = :agent)
                           and (cast(:case as bigint) is null or p.case_id = :case)
                         order by p.id desc limit :limit offset :offset""")
                .param("status", status).param("agent", agentRef).param("case", caseId).param("limit", limit).param("offset", offset)
                .query((rs, n) -> promise(rs, List.of())).list();
    }

    public long count(String status) {
        return jdbc.sql("select count(*) from promise where (cast(:status as text) is null or status = :status)").param("status", status)
                .query(Long.class).single();
    }

    private List<Promise.Reminder> reminders(long promiseId) {
        return jdbc.sql("select due_on, days_before, message_id, enqueued_on from agreement_reminder where promise_id = ? order by days_before desc")
                .param(promiseId)
                .query((rs, n) -> new Promise.Reminder(rs.getObject(1, LocalDate.class), rs.getInt(2), rs.getLong(3), rs.getObject(4, LocalDate.class)))
                .list();
    }

    private static Promise promise(ResultSet rs, List<Promise.Reminder> reminders) throws SQLException {
        String[] accounts = (String[]) rs.getArray(21).getArray();
        return new Promise(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class), rs.getLong(5), rs.getLong(6),
                rs.getObject(7, LocalDate.class), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                rs.getObject(12, LocalDate.class), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15),
                PromiseStatus.valueOf(rs.getString(16)), rs.getLong(17), rs.getObject(18, LocalDate.class), rs.getString(19), rs.getString(20),
                Arrays.asList(accounts), reminders);
    }

    public enum Grouping { AGENT, TEAM }

    /**
     * Kept rate per agent or team over the promises whose promised date is in [from, to]. Agents are
     * grouped by the agent recorded on the promise, teams by the team that agent was in when it was
     * recorded (so moving an agent later does not rewrite a team's past). Cases that an approved waiver
     * or settlement left out of KPIs ({@code case_kpi_exclusion}, R17) are not counted.
     */
    public List<KeptRate> keptRates(Grouping grouping, LocalDate from, LocalDate to) {
        String key = grouping == Grouping.AGENT ? "coalesce(ag.agent_ref, '-')" : "coalesce(tm.code, '-')";
        String name = grouping == Grouping.AGENT ? "ag.name" : "tm.name_zh";
        String team = grouping == Grouping.AGENT ? "at.code" : "null::text";
        return jdbc.sql("""
                        select %1$s as key, %2$s as name, %3$s as team, count(*) as made,
                               count(*) filter (where p.status = 'OPEN') as open,
                               count(*) filter (where p.status = 'KEPT') as kept,
                               count(*) filter (where p.status = 'PARTLY_KEPT') as partly,
                               count(*) filter (where p.status = 'BROKEN') as broken,
                               count(*) filter (where p.status = 'CANCELLED') as cancelled,
                               coalesce(sum(p.amount) filter (where p.status <> 'CANCELLED'), 0) as promised,
                               coalesce(sum(p.paid) filter (where p.status <> 'CANCELLED'), 0) as paid
                        from promise p
                        left join agent ag on ag.id = p.agent_id
                        left join team at on at.id = ag.team_id
                        left join team tm on tm.id = p.team_id
                        where p.promised_on between :from and :to
                          and not exists (select 1 from case_kpi_exclusion x where x.case_id = p.case_id)
                        group by 1, 2, 3
                        order by 1""".formatted(key, name, team))
                .param("from", from).param("to", to)
                .query((rs, n) -> {
                    long kept = rs.getLong(6), partly = rs.getLong(7), broken = rs.getLong(8);
                    long judged = kept + partly + broken;
                    return new KeptRate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), kept, partly, broken,
                            rs.getLong(9), rs.getLong(10), rs.getLong(11), judged == 0 ? null : (double) kept / judged);
                }).list();
    }
}
