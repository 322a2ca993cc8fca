package dev.recoup.support;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Gives a case to the agent or agency a demo user is linked to (application.yml: agent → A0002, agent2 → A0003,
 * agency → AG01, lead leads team phone-t2), creating that team, agent or agency when the test has none, so case
 * scopes (access/CaseScope) let the user see it.
 */
public final class Assignments {

    /** The allocation agent of the demo user {@code agent} (application.yml). */
    public static final String DEMO_AGENT = "A0002";

    private Assignments() {
    }

    public static void toAgent(JdbcClient jdbc, long caseId, String agentRef) {
        long team = team(jdbc, "phone-t2", "PHONE");
        jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                values (?, ?, ?, 2, date '2024-01-01', 500, 100000000000) on conflict (agent_ref) do nothing""")
                .params(agentRef, "测试催收员" + agentRef, team).update();
        long agent = jdbc.sql("select id from agent where agent_ref = ?").param(agentRef).query(Long.class).single();
        end(jdbc, caseId);
        jdbc.sql("""
                insert into case_assignment (case_id, agent_id, team_id, queue, segment_code, overdue_at_assignment, expected_recovery, method,
                                             allocation_run_id, assigned_on, review_on)
                values (?, ?, ?, 'phone-t2', 'test', 0, 0, 'ROUND_ROBIN', 0, date '2026-01-01', date '2026-12-31')""")
                .params(caseId, agent, team).update();
    }

    public static void toAgency(JdbcClient jdbc, long caseId, String agencyRef) {
        long team = team(jdbc, "agency", "AGENCY");
        jdbc.sql("""
                insert into agency (agency_ref, name, team_id, commission_rate_bp, placement_days, max_open_cases, max_overdue_minor)
                values (?, ?, ?, 1500, 90, 500, 100000000000) on conflict (agency_ref) do nothing""")
                .params(agencyRef, "测试委外机构" + agencyRef, team).update();
        long agency = jdbc.sql("select id from agency where agency_ref = ?").param(agencyRef).query(Long.class).single();
        end(jdbc, caseId);
        jdbc.sql("""
                insert into case_assignment (case_id, agency_id, team_id, queue, segment_code, overdue_at_assignment, expected_recovery, method,
                                             allocation_run_id, assigned_on, review_on, placement_ends_on)
                values (?, ?, ?, 'agency', 'test', 0, 0, 'ROUND_ROBIN', 0, date '2026-01-01', date '2026-12-31', date '2026-12-31')""")
                .params(caseId, agency, team).update();
    }

    /**
     * Gives every open case to the agent (unless it holds it already): for tests where the demo user {@code agent}
     * works cases whatever the allocation did (before issue 6 every user saw every case).
     */
    public static void openCasesToAgent(JdbcClient jdbc, String agentRef) {
        for (Long caseId : jdbc.sql("""
                select c.id from collection_case c where c.status = 'OPEN'
                and not exists (select 1 from case_assignment a join agent g on g.id = a.agent_id
                                where a.case_id = c.id and a.ended_on is null and g.agent_ref = ?)""").param(agentRef).query(Long.class).list()) {
            toAgent(jdbc, caseId, agentRef);
        }
    }

    private static void end(JdbcClient jdbc, long caseId) {
        jdbc.sql("update case_assignment set ended_on = date '2026-01-01', end_reason = 'REALLOCATED' where case_id = ? and ended_on is null")
                .param(caseId).update();
    }

    private static long team(JdbcClient jdbc, String code, String kind) {
        jdbc.sql("insert into team (code, name_zh, name_en, kind, queues) values (?, ?, ?, ?, array[?]) on conflict (code) do nothing")
                .params(code, code, code, kind, code).update();
        return jdbc.sql("select id from team where code = ?").param(code).query(Long.class).single();
    }
}
