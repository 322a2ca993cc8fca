package dev.recoup.management.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/**
 * The open cases of teams, per agent and one by one (team queues). Amounts are the overdue at
 * assignment: what the case was given on, read from the assignment row itself (no snapshot join).
 */
@Repository
public class TeamQueueStore {

    private final JdbcClient jdbc;

    TeamQueueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Team(long id, String code, String nameZh, String nameEn) {
    }

    public record AgentLoad(long agentId, String agentRef, String name, long teamId, boolean active, long cases, long overdueFen,
                            long dueToday) {
    }

    public record QueuedCase(long caseId, long customerId, String customerName, String idNumber, long agentId, String agentName,
                             long teamId, String tier, String segment, long overdueFen, LocalDate assignedOn, LocalDate reviewOn,
                             String method) {
    }

    /** Teams of agents (not robots, not agencies); {@code teamIds} null for all. */
    public List<Team> teams(long[] teamIds) {
        return jdbc.sql("""
                        select id, code, name_zh, name_en from team
                        where kind not in ('ROBOT_SMS', 'AGENCY') and (cast(:ids as bigint[]) is null or id = any (:ids))
                        order by code""")
                .param("ids", teamIds).query((rs, i) -> new Team(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
    }

    /** Every agent of the teams with the open cases they hold and their overdue total; one statement. */
    public List<AgentLoad> loads(long[] teamIds, LocalDate today) {
        return jdbc.sql("""
                        select g.id, g.agent_ref, g.name, g.team_id, g.active,
                               count(a.id) as cases, coalesce(sum(a.overdue_at_assignment), 0) as overdue,
                               count(a.id) filter (where a.review_on <= :today) as due
                        from agent g
                        left join case_assignment a on a.agent_id = g.id and a.ended_on is null
                        where g.team_id = any (:ids)
                        group by g.id order by g.team_id, g.name, g.id""")
                .param("ids", teamIds).param("today", today)
                .query((rs, i) -> new AgentLoad(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8))).list();
    }

    /**
     * The teams' open cases (params ids: bigint[], agent: nullable bigint, limit), largest overdue first —
     * through the agents: the current-assignment index by agent, not a scan of every assignment.
     */
    public static final String CASES = """
            select a.case_id, c.customer_id, cu.name, cu.id_number, a.agent_id, g.name as agent_name, a.team_id, a.tier,
                   a.segment_code, a.overdue_at_assignment, a.assigned_on, a.review_on, a.method
            from case_assignment a
            join agent g on g.id = a.agent_id
            join collection_case c on c.id = a.case_id
            join customer cu on cu.id = c.customer_id
            where a.ended_on is null and a.agent_id in (select id from agent where team_id = any (:ids)) and a.team_id = any (:ids)
              and (cast(:agent as bigint) is null or a.agent_id = :agent)
            order by a.overdue_at_assignment desc, a.case_id limit :limit""";

    /** One row of {@link #CASES}. */
    public static QueuedCase queuedCase(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new QueuedCase(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getString(6),
                rs.getLong(7), rs.getString(8), rs.getString(9), rs.getLong(10), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getString(13));
    }

    /** The teams' open cases (one agent's if {@code agentId} is given), largest overdue first, at most {@code limit}. */
    public List<QueuedCase> cases(long[] teamIds, Long agentId, int limit) {
        return jdbc.sql(CASES).param("ids", teamIds).param("agent", agentId).param("limit", limit)
                .query((rs, i) -> queuedCase(rs)).list();
    }

    /** The latest moves in the teams, newest first. */
    public List<Move> recentMoves(long[] teamIds, int limit) {
        return jdbc.sql("""
                        select r.case_id, fg.name as from_agent, tg.name as to_agent, r.reason, r.reassigned_by, r.reassigned_at
                        from case_reassignment r
                        left join agent fg on fg.id = r.from_agent_id
                        left join agent tg on tg.id = r.to_agent_id
                        where r.team_id = any (:ids)
                        order by r.id desc limit :limit""")
                .param("ids", teamIds).param("limit", limit)
                .query((rs, i) -> new Move(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getTimestamp(6).toInstant())).list();
    }

    public record Move(long caseId, String fromAgent, String toAgent, String reason, String by, java.time.Instant at) {
    }
}
