package dev.recoup.access.persistence;

import dev.recoup.access.CaseScope;
import dev.recoup.access.Role;
import dev.recoup.access.ScopeCondition;
import dev.recoup.access.Viewer;
import dev.recoup.shared.ForbiddenException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Case scopes over allocation's current assignments (case_assignment rows with no ended_on): an
 * agent's, an agency's, or any in a team led by the viewer. A viewer with several narrow roles sees
 * the union.
 */
@Repository
class AssignmentCaseScope implements CaseScope {

    private final JdbcClient jdbc;

    AssignmentCaseScope(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void requireCase(Viewer viewer, long caseId) {
        if (!maySeeCase(viewer, caseId)) {
            throw new ForbiddenException("Case " + caseId + " is not among the cases of user '" + viewer.username() + "'");
        }
    }

    @Override
    public boolean maySeeCase(Viewer viewer, long caseId) {
        ScopeCondition scope = casesVisibleTo(viewer, "x.case_id");
        if (scope.unrestricted()) {
            return true;
        }
        if ("false".equals(scope.sql())) {
            return false;
        }
        return jdbc.sql("select exists (select 1 from (select cast(:scopeCaseId as bigint) as case_id) x where " + scope.sql() + ")")
                .param("scopeCaseId", caseId)
                .params(scope.params())
                .query(Boolean.class).single();
    }

    @Override
    public ScopeCondition casesVisibleTo(Viewer viewer, String caseIdColumn) {
        if (viewer.seesAllCases()) {
            return ScopeCondition.ALL;
        }
        List<String> who = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (viewer.has(Role.AGENT) && viewer.agentId() != null) {
            who.add("sa.agent_id = :scopeAgentId");
            params.put("scopeAgentId", viewer.agentId());
        }
        if (viewer.has(Role.AGENCY) && viewer.agencyId() != null) {
            who.add("sa.agency_id = :scopeAgencyId");
            params.put("scopeAgencyId", viewer.agencyId());
        }
        if (viewer.has(Role.TEAM_LEAD) && !viewer.teamIds().isEmpty()) {
            who.add("sa.team_id in (:scopeTeamIds)");
            params.put("scopeTeamIds", List.copyOf(viewer.teamIds()));
        }
        if (who.isEmpty()) {
            return ScopeCondition.NONE;
        }
        return new ScopeCondition("exists (select 1 from case_assignment sa where sa.case_id = " + caseIdColumn
                + " and sa.ended_on is null and (" + String.join(" or ", who) + "))", params);
    }
}
