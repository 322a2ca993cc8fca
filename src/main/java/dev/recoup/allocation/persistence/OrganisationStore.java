package dev.recoup.allocation.persistence;

import dev.recoup.allocation.domain.Organisation;
import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Teams, agents and agencies in the database, with what each holds now. */
@Repository
public class OrganisationStore {

    private final JdbcClient jdbc;

    public OrganisationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A team with its people and what they hold. */
    public record TeamView(long id, String code, String nameZh, String nameEn, TeamKind kind, List<String> queues,
                           List<String> requiredSkills, boolean regionMatching, boolean active, int agents, int agencies,
                           long maxOpenCases, long maxOverdueMinor, long openCases, long openOverdueMinor) {
    }

    public record AgentView(long id, String ref, String name, String teamCode, List<String> skills, int level, LocalDate startDate,
                            List<String> regions, int maxOpenCases, long maxOverdueMinor, boolean active, long openCases,
                            long openOverdueMinor) {
    }

    /** An agency, what it holds, and its results over placements that have ended. */
    public record AgencyView(long id, String ref, String name, String teamCode, int commissionRateBp, int placementDays,
                             int maxOpenCases, long maxOverdueMinor, boolean active, long openCases, long openOverdueMinor,
                             long placementsEnded, long recoveredMinor, long commissionMinor) {
    }

    // ---- teams

    public List<TeamView> teams() {
        return jdbc.sql(TEAMS + " order by t.code").query((rs, i) -> team(rs)).list();
    }

    public Optional<TeamView> team(String code) {
        return jdbc.sql(TEAMS + " where t.code = ?").param(code).query((rs, i) -> team(rs)).optional();
    }

    public TeamView createTeam(Organisation.Team t) {
        try {
            jdbc.sql("""
                    insert into team (code, name_zh, name_en, kind, queues, required_skills, region_matching, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(t.code(), t.nameZh(), t.nameEn(), t.kind().name(), texts(t.queues()), texts(t.requiredSkills()),
                            t.regionMatching(), t.active()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("A team with code '" + t.code() + "' exists already");
        }
        return team(t.code()).orElseThrow();
    }

    public TeamView updateTeam(String code, Organisation.Team t) {
        if (!code.equals(t.code())) {
            throw new InvalidInputException("code", t.code(), "the code in the body must be the team's code '" + code + "'");
        }
        TeamView current = team(code).orElseThrow(() -> new NotFoundException("team", code));
        if (current.kind() != t.kind() && (current.agents() > 0 || current.agencies() > 0)) {
            throw new ConflictException("Team '" + code + "' has members; its kind stays " + current.kind());
        }
        jdbc.sql("""
                update team set name_zh = ?, name_en = ?, kind = ?, queues = ?, required_skills = ?, region_matching = ?, active = ?,
                                updated_at = now() where code = ?""")
                .params(t.nameZh(), t.nameEn(), t.kind().name(), texts(t.queues()), texts(t.requiredSkills()), t.regionMatching(),
                        t.active(), code).update();
        return team(code).orElseThrow();
    }

    public void deleteTeam(String code) {
        TeamView current = team(code).orElseThrow(() -> new NotFoundException("team", code));
        boolean used = current.agents() > 0 || current.agencies() > 0
                || jdbc.sql("select exists (select 1 from case_assignment where team_id = ?)").param(current.id()).query(Boolean.class).single();
        if (used) {
            throw new ConflictException("Team '" + code + "' has agents, agencies or assignments; set it inactive instead");
        }
        jdbc.sql("delete from team where code = ?").param(code).update();
    }

    /** The team a member joins: it must exist, and agencies join AGENCY teams, agents the others. */
    public long teamIdForMember(String code, boolean agency) {
        TeamView team = team(code).orElseThrow(() -> new InvalidInputException("teamCode", code, "no team with code '" + code + "'"));
        if (agency != (team.kind() == TeamKind.AGENCY)) {
            throw new InvalidInputException("teamCode", code, agency
                    ? "team '" + code + "' is a " + team.kind() + " team; agencies join an AGENCY team"
                    : "team '" + code + "' is an AGENCY team; agents join a people team");
        }
        return team.id();
    }

    // ---- agents

    public List<AgentView> agents(String teamCode) {
        return jdbc.sql(AGENTS + (teamCode == null ? "" : " where t.code = :team") + " order by a.agent_ref")
                .paramSource(teamCode == null ? java.util.Map.of() : java.util.Map.of("team", teamCode)).query((rs, i) -> agent(rs)).list();
    }

    public Optional<AgentView> agent(String ref) {
        return jdbc.sql(AGENTS + " where a.agent_ref = :ref").param("ref", ref).query((rs, i) -> agent(rs)).optional();
    }

    public AgentView createAgent(Organisation.Agent a) {
        long teamId = teamIdForMember(a.teamCode(), false);
        try {
            jdbc.sql("""
                    insert into agent (agent_ref, name, team_id, skills, level, started_on, region_codes, max_open_cases, max_overdue_minor, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.ref(), a.name(), teamId, texts(a.skills()), a.level(), a.startedOn(), texts(a.regions()), a.maxOpenCases(),
                            a.maxOverdueMinor(), a.active()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An agent with ref '" + a.ref() + "' exists already");
        }
        return agent(a.ref()).orElseThrow();
    }

    public AgentView updateAgent(String ref, Organisation.Agent a) {
        if (!ref.equals(a.ref())) {
            throw new InvalidInputException("ref", a.ref(), "the ref in the body must be the agent's ref '" + ref + "'");
        }
        agent(ref).orElseThrow(() -> new NotFoundException("agent", ref));
        long teamId = teamIdForMember(a.teamCode(), false);
        jdbc.sql("""
                update agent set name = ?, team_id = ?, skills = ?, level = ?, started_on = ?, region_codes = ?, max_open_cases = ?,
                                 max_overdue_minor = ?, active = ?, updated_at = now() where agent_ref = ?""")
                .params(a.name(), teamId, texts(a.skills()), a.level(), a.startedOn(), texts(a.regions()), a.maxOpenCases(),
                        a.maxOverdueMinor(), a.active(), ref).update();
        return agent(ref).orElseThrow();
    }

    public void deleteAgent(String ref) {
        AgentView agent = agent(ref).orElseThrow(() -> new NotFoundException("agent", ref));
        if (jdbc.sql("select exists (select 1 from case_assignment where agent_id = ?)").param(agent.id()).query(Boolean.class).single()) {
            throw new ConflictException("Agent '" + ref + "' has held cases; set the agent inactive instead (the cases are reallocated)");
        }
        jdbc.sql("delete from allocation_run_worker where agent_id = ?").param(agent.id()).update();
        jdbc.sql("delete from agent where id = ?").param(agent.id()).update();
    }

    // ---- agencies

    public List<AgencyView> agencies() {
        return jdbc.sql(AGENCIES + " order by y.agency_ref").query((rs, i) -> agency(rs)).list();
    }

    public Optional<AgencyView> agency(String ref) {
        return jdbc.sql(AGENCIES + " where y.agency_ref = ?").param(ref).query((rs, i) -> agency(rs)).optional();
    }

    public AgencyView createAgency(Organisation.Agency a) {
        long teamId = teamIdForMember(a.teamCode(), true);
        try {
            jdbc.sql("""
                    insert into agency (agency_ref, name, team_id, commission_rate_bp, placement_days, max_open_cases, max_overdue_minor, active)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(a.ref(), a.name(), teamId, a.commissionRateBp(), a.placementDays(), a.maxOpenCases(), a.maxOverdueMinor(),
                            a.active()).update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("An agency with ref '" + a.ref() + "' exists already");
        }
        return agency(a.ref()).orElseThrow();
    }

    public AgencyView updateAgency(String ref, Organisation.Agency a) {
        if (!ref.equals(a.ref())) {
            throw new InvalidInputException("ref", a.ref(), "the ref in the body must be the agency's ref '" + ref + "'");
        }
        agency(ref).orElseThrow(() -> new NotFoundException("agency", ref));
        long teamId = teamIdForMember(a.teamCode(), true);
        jdbc.sql("""
                update agency set name = ?, team_id = ?, commission_rate_bp = ?, placement_days = ?, max_open_cases = ?,
                                  max_overdue_minor = ?, active = ?, updated_at = now() where agency_ref = ?""")
                .params(a.name(), teamId, a.commissionRateBp(), a.placementDays(), a.maxOpenCases(), a.maxOverdueMinor(), a.active(), ref)
                .update();
        return agency(ref).orElseThrow();
    }

    public void deleteAgency(String ref) {
        AgencyView agency = agency(ref).orElseThrow(() -> new NotFoundException("agency", ref));
        if (jdbc.sql("select exists (select 1 from case_assignment where agency_id = ?)").param(agency.id()).query(Boolean.class).single()) {
            throw new ConflictException("Agency '" + ref + "' has had placements; set it inactive instead (its cases are recalled)");
        }
        jdbc.sql("delete from allocation_run_worker where agency_id = ?").param(agency.id()).update();
        jdbc.sql("delete from agency where id = ?").param(agency.id()).update();
    }

    // ---- queries and mapping

    private static final String TEAMS = """
            select t.*,
                   (select count(*) from agent a where a.team_id = t.id) as agents,
                   (select count(*) from agency y where y.team_id = t.id) as agencies,
                   coalesce((select sum(a.max_open_cases) from agent a where a.team_id = t.id and a.active), 0)
                     + coalesce((select sum(y.max_open_cases) from agency y where y.team_id = t.id and y.active), 0) as max_open_cases,
                   coalesce((select sum(a.max_overdue_minor) from agent a where a.team_id = t.id and a.active), 0)
                     + coalesce((select sum(y.max_overdue_minor) from agency y where y.team_id = t.id and y.active), 0) as max_overdue_minor,
                   (select count(*) from case_assignment c where c.team_id = t.id and c.ended_on is null) as open_cases,
                   coalesce((select sum(c.overdue_at_assignment) from case_assignment c where c.team_id = t.id and c.ended_on is null), 0)
                     as open_overdue
            from team t""";

    private static final String AGENTS = """
            select a.*, t.code as team_code, coalesce(h.cases, 0) as open_cases, coalesce(h.overdue, 0) as open_overdue
            from agent a join team t on t.id = a.team_id
            left join (select agent_id, count(*) as cases, sum(overdue_at_assignment) as overdue from case_assignment
                       where ended_on is null and agent_id is not null group by agent_id) h on h.agent_id = a.id""";

    private static final String AGENCIES = """
            select y.*, t.code as team_code, coalesce(h.cases, 0) as open_cases, coalesce(h.overdue, 0) as open_overdue,
                   coalesce(r.placements, 0) as placements, coalesce(r.recovered, 0) as recovered, coalesce(r.commission, 0) as commission
            from agency y join team t on t.id = y.team_id
            left join (select agency_id, count(*) as cases, sum(overdue_at_assignment) as overdue from case_assignment
                       where ended_on is null and agency_id is not null group by agency_id) h on h.agency_id = y.id
            left join (select agency_id, count(*) as placements, sum(recovered_minor) as recovered, sum(commission_minor) as commission
                       from case_assignment where ended_on is not null and agency_id is not null group by agency_id) r on r.agency_id = y.id""";

    private TeamView team(ResultSet rs) throws SQLException {
        return new TeamView(rs.getLong("id"), rs.getString("code"), rs.getString("name_zh"), rs.getString("name_en"),
                TeamKind.valueOf(rs.getString("kind")), list(rs.getArray("queues")), list(rs.getArray("required_skills")),
                rs.getBoolean("region_matching"), rs.getBoolean("active"), rs.getInt("agents"), rs.getInt("agencies"),
                rs.getLong("max_open_cases"), rs.getLong("max_overdue_minor"), rs.getLong("open_cases"), rs.getLong("open_overdue"));
    }

    private AgentView agent(ResultSet rs) throws SQLException {
        return new AgentView(rs.getLong("id"), rs.getString("agent_ref"), rs.getString("name"), rs.getString("team_code"),
                list(rs.getArray("skills")), rs.getInt("level"), rs.getObject("started_on", LocalDate.class), list(rs.getArray("region_codes")),
                rs.getInt("max_open_cases"), rs.getLong("max_overdue_minor"), rs.getBoolean("active"), rs.getLong("open_cases"),
                rs.getLong("open_overdue"));
    }

    private AgencyView agency(ResultSet rs) throws SQLException {
        return new AgencyView(rs.getLong("id"), rs.getString("agency_ref"), rs.getString("name"), rs.getString("team_code"),
                rs.getInt("commission_rate_bp"), rs.getInt("placement_days"), rs.getInt("max_open_cases"), rs.getLong("max_overdue_minor"),
                rs.getBoolean("active"), rs.getLong("open_cases"), rs.getLong("open_overdue"), rs.getLong("placements"),
                rs.getLong("recovered"), rs.getLong("commission"));
    }

    static List<String> list(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    static String[] texts(List<String> values) {
        return values.toArray(String[]::new);
    }
}
