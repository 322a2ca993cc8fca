package dev.recoup.allocation.api;

import dev.recoup.shared.RequestFields;
import dev.recoup.allocation.domain.Organisation;
import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.allocation.persistence.OrganisationStore;
import dev.recoup.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Teams, agents and agencies. Reading needs a login; creating, changing and deleting need MANAGER or
 * ADMIN. Deleting someone who has held cases is refused (409): set them inactive and their cases are
 * reallocated (agents) or recalled (agencies) by the next allocation.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Allocation: organisation (分案组织)")
@Transactional
class OrganisationController {

    private final OrganisationStore store;

    OrganisationController(OrganisationStore store) {
        this.store = store;
    }

    record TeamDto(String code, String nameZh, String nameEn, TeamKind kind, List<String> queues, List<String> requiredSkills,
                   boolean regionMatching, boolean active, int agents, int agencies, long maxOpenCases, long maxOverdueMinor,
                   long openCases, long openOverdueMinor) {

        static TeamDto of(OrganisationStore.TeamView t) {
            return new TeamDto(t.code(), t.nameZh(), t.nameEn(), t.kind(), t.queues(), t.requiredSkills(), t.regionMatching(), t.active(),
                    t.agents(), t.agencies(), t.maxOpenCases(), t.maxOverdueMinor(), t.openCases(), t.openOverdueMinor());
        }
    }

    record AgentDto(String ref, String name, String teamCode, List<String> skills, int level, LocalDate startDate, List<String> regions,
                    int maxOpenCases, long maxOverdueMinor, boolean active, long openCases, long openOverdueMinor) {

        static AgentDto of(OrganisationStore.AgentView a) {
            return new AgentDto(a.ref(), a.name(), a.teamCode(), a.skills(), a.level(), a.startDate(), a.regions(), a.maxOpenCases(),
                    a.maxOverdueMinor(), a.active(), a.openCases(), a.openOverdueMinor());
        }
    }

    record AgencyDto(String ref, String name, String teamCode, int commissionRateBp, int placementDays, int maxOpenCases,
                     long maxOverdueMinor, boolean active, long openCases, long openOverdueMinor, long placementsEnded,
                     long recoveredMinor, long commissionMinor) {

        static AgencyDto of(OrganisationStore.AgencyView a) {
            return new AgencyDto(a.ref(), a.name(), a.teamCode(), a.commissionRateBp(), a.placementDays(), a.maxOpenCases(),
                    a.maxOverdueMinor(), a.active(), a.openCases(), a.openOverdueMinor(), a.placementsEnded(), a.recoveredMinor(),
                    a.commissionMinor());
        }
    }

    // ---- teams

    @GetMapping("/teams")
    @Operation(summary = "Teams with their queues, members, capacity and what they hold")
    List<TeamDto> teams() {
        return store.teams().stream().map(TeamDto::of).toList();
    }

    @GetMapping("/teams/{code}")
    TeamDto team(@PathVariable String code) {
        return TeamDto.of(store.team(code).orElseThrow(() -> new NotFoundException("team", code)));
    }

    @PostMapping("/teams")
    @Operation(summary = "Create a team", description = "Body: {code, nameZh, nameEn, kind (ROBOT_SMS|PHONE|SENIOR|LEGAL|FIELD|AGENCY), "
            + "queues: [\"phone-t2\"], requiredSkills: [\"legal\"], regionMatching, active}")
    ResponseEntity<TeamDto> createTeam(@RequestBody(required = false) JsonNode body) {
        TeamDto created = TeamDto.of(store.createTeam(team(new RequestFields(body))));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + created.code())).body(created);
    }

    @PutMapping("/teams/{code}")
    TeamDto updateTeam(@PathVariable String code, @RequestBody(required = false) JsonNode body) {
        return TeamDto.of(store.updateTeam(code, team(new RequestFields(body))));
    }

    @DeleteMapping("/teams/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteTeam(@PathVariable String code) {
        store.deleteTeam(code);
    }

    private static Organisation.Team team(RequestFields f) {
        return new Organisation.Team(f.text("code"), f.text("nameZh"), f.text("nameEn"), f.choice("kind", TeamKind.class), f.texts("queues"),
                f.texts("requiredSkills"), f.bool("regionMatching", false), f.bool("active", true));
    }

    // ---- agents

    @GetMapping("/agents")
    @Operation(summary = "Agents (optionally of one team) with capacity and what they hold")
    List<AgentDto> agents(@RequestParam(required = false) String team) {
        return store.agents(team).stream().map(AgentDto::of).toList();
    }

    @GetMapping("/agents/{ref}")
    AgentDto agent(@PathVariable String ref) {
        return AgentDto.of(store.agent(ref).orElseThrow(() -> new NotFoundException("agent", ref)));
    }

    @PostMapping("/agents")
    @Operation(summary = "Create an agent", description = "Body: {ref, name, teamCode, skills: [\"legal\"], level (1–5), startDate (YYYY-MM-DD), "
            + "regions: [\"44\", \"3101\"], maxOpenCases, maxOverdueMinor (fen), active}")
    ResponseEntity<AgentDto> createAgent(@RequestBody(required = false) JsonNode body) {
        AgentDto created = AgentDto.of(store.createAgent(agent(new RequestFields(body))));
        return ResponseEntity.created(URI.create("/api/v1/agents/" + created.ref())).body(created);
    }

    @PutMapping("/agents/{ref}")
    AgentDto updateAgent(@PathVariable String ref, @RequestBody(required = false) JsonNode body) {
        return AgentDto.of(store.updateAgent(ref, agent(new RequestFields(body))));
    }

    @DeleteMapping("/agents/{ref}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAgent(@PathVariable String ref) {
        store.deleteAgent(ref);
    }

    private static Organisation.Agent agent(RequestFields f) {
        return new Organisation.Agent(f.text("ref"), f.text("name"), f.text("teamCode"), f.texts("skills"), f.integer("level", null),
                f.date("startDate"), f.texts("regions"), f.integer("maxOpenCases", null), f.whole("maxOverdueMinor", null), f.bool("active", true));
    }

    // ---- agencies

    @GetMapping("/agencies")
    @Operation(summary = "Outside agencies (委外) with capacity, what they hold, and their results over ended placements")
    List<AgencyDto> agencies() {
        return store.agencies().stream().map(AgencyDto::of).toList();
    }

    @GetMapping("/agencies/{ref}")
    AgencyDto agency(@PathVariable String ref) {
        return AgencyDto.of(store.agency(ref).orElseThrow(() -> new NotFoundException("agency", ref)));
    }

    @PostMapping("/agencies")
    @Operation(summary = "Create an agency", description = "Body: {ref, name, teamCode (an AGENCY team), commissionRateBp (1500 = 15%), "
            + "placementDays, maxOpenCases, maxOverdueMinor (fen), active}")
    ResponseEntity<AgencyDto> createAgency(@RequestBody(required = false) JsonNode body) {
        AgencyDto created = AgencyDto.of(store.createAgency(agency(new RequestFields(body))));
        return ResponseEntity.created(URI.create("/api/v1/agencies/" + created.ref())).body(created);
    }

    @PutMapping("/agencies/{ref}")
    AgencyDto updateAgency(@PathVariable String ref, @RequestBody(required = false) JsonNode body) {
        return AgencyDto.of(store.updateAgency(ref, agency(new RequestFields(body))));
    }

    @DeleteMapping("/agencies/{ref}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAgency(@PathVariable String ref) {
        store.deleteAgency(ref);
    }

    private static Organisation.Agency agency(RequestFields f) {
        return new Organisation.Agency(f.text("ref"), f.text("name"), f.text("teamCode"), f.integer("commissionRateBp", null),
                f.integer("placementDays", null), f.integer("maxOpenCases", null), f.whole("maxOverdueMinor", null), f.bool("active", true));
    }
}
