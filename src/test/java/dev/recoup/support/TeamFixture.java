package dev.recoup.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Teams, agents and current assignments as allocation would leave them, for tests of what team leads
 * and agents see (their scopes follow case_assignment). The demo team lead leads team phone-t2.
 */
public final class TeamFixture {

    /** The team the demo user "lead" leads (application.yml). */
    public static final String LEAD_TEAM = "phone-t2";

    private final JdbcClient jdbc;

    public TeamFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The team (a phone team serving queue phone-t2) by code, created if missing. */
    public long team(String code) {
        jdbc.sql("""
                insert into team (code, name_zh, name_en, kind, queues) values (?, ?, ?, 'PHONE', '{phone-t2}')
                on conflict (code) do nothing""").params(code, "团队" + code, "Team " + code).update();
        return jdbc.sql("select id from team where code = ?").param(code).query(Long.class).single();
    }

    /** The agent by ref, created in the team if missing. */
    public long agent(String teamCode, String agentRef) {
        long team = team(teamCode);
        jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                values (?, ?, ?, 3, date '2020-01-01', 2000, 100000000000) on conflict (agent_ref) do nothing""")
                .params(agentRef, "坐席" + agentRef, team).update();
        return jdbc.sql("select id from agent where agent_ref = ?").param(agentRef).query(Long.class).single();
    }

    /** Gives the case to the agent now (a current assignment, as an allocation run writes it); returns the assignment id. */
    public long assign(long caseId, String teamCode, String agentRef, long overdueFen) {
        long agent = agent(teamCode, agentRef);
        return jdbc.sql("""
                insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, tier, overdue_at_assignment, expected_recovery,
                                             method, allocation_run_id, assigned_on, review_on)
                select ?, g.id, g.team_id, 'phone-t2', 'm1-t2', 'T2', ?, 0, 'SNAKE', 0, date '2026-01-01', date '2026-12-31'
                from agent g where g.id = ? returning id""")
                .params(caseId, overdueFen, agent).query(Long.class).single();
    }
}
