package dev.recoup.management.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A business day's work by agent (ADR 0019), in three set-based statements, each reading only the
 * day's rows through a date index: contacts and right-party contacts from the contact ledger (BRIN on
 * {@code at}), promises recorded that day ({@code promise_recorded_on}, attributed to the agent who
 * obtained them), and payments received that day ({@code payment_paid_on}, reversed ones left out).
 * Contacts and payments count for the agent who held the case at the end of that day
 * ({@code case_assignment_case_day}). Team rows and the total are sums of the agent rows.
 */
@Repository
public class DayFigures {


    /** Contacts and right-party contacts per agent (params day, from, to): the day's ledger rows by the BRIN index on {@code at}. */
    public static final String CONTACTS = """
            select a.agent_id, count(*) as contacts, count(*) filter (where x.outcome = 'CONVERSATION_DEBTOR') as right_party
            from contact_attempt x
            join case_assignment a on a.case_id = x.case_id and a.assigned_on <= :day and (a.ended_on is null or a.ended_on > :day)
            where x.at >= :from and x.at < :to and x.case_id is not null and x.direction = 'OUTBOUND'
              and x.channel in ('AGENT_CALL', 'VISIT') and x.voided_at is null and a.agent_id is not null
            group by a.agent_id""";

    /** Promises recorded per agent (param day): {@code promise_recorded_on}. */
    public static final String PROMISES = """
            select p.agent_id, count(*), sum(p.amount) from promise p
            where p.recorded_on = :day and p.agent_id is not null
            group by p.agent_id""";

    /** Payments per agent holding the case that day (param day): {@code payment_paid_on}, reversed ones left out. */
    public static final String RECOVERED = """
            select a.agent_id, sum(p.amount)
            from payment p
            join account ac on ac.id = p.account_id
            join collection_case c on c.customer_id = ac.customer_id and c.opened_on <= :day and (c.closed_on is null or c.closed_on >= :day)
            join case_assignment a on a.case_id = c.id and a.assigned_on <= :day and (a.ended_on is null or a.ended_on > :day)
            where p.paid_on = :day and a.agent_id is not null
              and not exists (select 1 from payment_reversal r where r.payment_id = p.id)
            group by a.agent_id""";

    private final JdbcClient jdbc;

    DayFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One agent's day. {@code contacts}: outbound agent calls and visits made on the agent's cases (not
     * voided call-list entries); {@code rightParty}: those that reached the debtor; {@code promises} and
     * {@code promisedFen}: promises the agent recorded; {@code recoveredFen}: payments on the agent's cases.
     */
    public record AgentDay(long agentId, String agentName, long teamId, String teamCode, long contacts, long rightParty, long promises,
                           long promisedFen, long recoveredFen) {

        AgentDay plus(AgentDay o) {
            return new AgentDay(agentId, agentName, teamId, teamCode, contacts + o.contacts, rightParty + o.rightParty, promises + o.promises,
                    promisedFen + o.promisedFen, recoveredFen + o.recoveredFen);
        }
    }

    /** The day's figures of every agent of the teams ({@code teamIds} null: all) with any figure or any open case. */
    public List<AgentDay> byAgent(LocalDate day, ZoneId zone, long[] teamIds) {
        Timestamp from = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        Map<Long, long[]> figures = new HashMap<>();
        jdbc.sql(CONTACTS)
                .param("day", day).param("from", from).param("to", to)
                .query((rs, i) -> {
                    long[] f = figures.computeIfAbsent(rs.getLong(1), k -> new long[5]);
                    f[0] = rs.getLong(2);
                    f[1] = rs.getLong(3);
                    return null;
                }).list();
        jdbc.sql(PROMISES)
                .param("day", day)
                .query((rs, i) -> {
                    long[] f = figures.computeIfAbsent(rs.getLong(1), k -> new long[5]);
                    f[2] = rs.getLong(2);
                    f[3] = rs.getLong(3);
                    return null;
                }).list();
        jdbc.sql(RECOVERED)
                .param("day", day)
                .query((rs, i) -> {
                    figures.computeIfAbsent(rs.getLong(1), k -> new long[5])[4] = rs.getLong(2);
                    return null;
                }).list();
        List<AgentDay> rows = new ArrayList<>();
        jdbc.sql("""
                        select g.id, g.name, g.team_id, t.code from agent g join team t on t.id = g.team_id
                        where (cast(:ids as bigint[]) is null or g.team_id = any (:ids)) and t.kind not in ('ROBOT_SMS', 'AGENCY')
                        order by t.code, g.name, g.id""")
                .param("ids", teamIds)
                .query((rs, i) -> {
                    long[] f = figures.getOrDefault(rs.getLong(1), new long[5]);
                    rows.add(new AgentDay(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), f[0], f[1], f[2], f[3], f[4]));
                    return null;
                }).list();
        return rows;
    }

    /** How often debtors gave a cause of delinquency (workbench's codes) on the day, and over the 30 days ending with it. */
    public record CauseCount(String cause, long onTheDay, long lastThirtyDays) {
    }

    /**
     * The causes of delinquency debtors gave on calls (R12) on cases held that day by agents of the teams ({@code teamIds}
     * null: all), most frequent over the 30 days first: what the book's trouble is, for choosing treatments.
     */
    public List<CauseCount> causes(LocalDate day, ZoneId zone, long[] teamIds) {
        Timestamp from = Timestamp.from(day.minusDays(29).atStartOfDay(zone).toInstant());
        Timestamp dayFrom = Timestamp.from(day.atStartOfDay(zone).toInstant());
        Timestamp to = Timestamp.from(day.plusDays(1).atStartOfDay(zone).toInstant());
        return jdbc.sql("""
                        select w.delinquency_cause, count(*) filter (where w.started_at >= :dayFrom), count(*)
                        from workbench_call w
                        join case_assignment a on a.case_id = w.case_id and a.assigned_on <= (w.started_at at time zone :zone)::date
                         and (a.ended_on is null or a.ended_on > (w.started_at at time zone :zone)::date)
                        join agent g on g.id = a.agent_id
                        where w.delinquency_cause is not null and w.started_at >= :from and w.started_at < :to
                          and (cast(:ids as bigint[]) is null or g.team_id = any (:ids))
                        group by w.delinquency_cause order by 3 desc, 1""")
                .param("dayFrom", dayFrom).param("from", from).param("to", to).param("zone", zone.getId()).param("ids", teamIds)
                .query((rs, i) -> new CauseCount(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** Team rows: the sums of their agents' rows, in team order. */
    public static List<AgentDay> byTeam(List<AgentDay> agents) {
        Map<Long, AgentDay> teams = new java.util.LinkedHashMap<>();
        for (AgentDay a : agents) {
            AgentDay zero = new AgentDay(0, a.teamCode(), a.teamId(), a.teamCode(), 0, 0, 0, 0, 0);
            teams.merge(a.teamId(), zero.plus(a), AgentDay::plus);
        }
        return List.copyOf(teams.values());
    }

    public static AgentDay total(List<AgentDay> agents) {
        AgentDay sum = new AgentDay(0, "", 0, "", 0, 0, 0, 0, 0);
        for (AgentDay a : agents) {
            sum = sum.plus(a);
        }
        return sum;
    }
}
