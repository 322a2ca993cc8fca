package dev.recoup.allocation;

import dev.recoup.allocation.domain.TeamKind;
import dev.recoup.allocation.persistence.OrganisationStore;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.util.List;

import static dev.recoup.allocation.AllocationFixture.DAY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class AllocationApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired OrganisationStore organisation;
    @Autowired DailyRunService runs;

    @BeforeEach
    void emptyDatabase() {
        TestDatabase.clean(jdbc);
    }

    private ResultActions send(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String user, String body)
            throws Exception {
        String password = "recoup-" + user;
        return mvc.perform(request.with(httpBasic(user, password)).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    @Test
    void aManagerSetsUpTeamsAgentsAndAgenciesAndEveryoneCanReadThem() throws Exception {
        send(post("/api/v1/teams"), "manager", """
                {"code": "phone-t2", "nameZh": "电话催收组", "nameEn": "Phone", "kind": "PHONE", "queues": ["phone-t2"]}""")
                .andExpect(status().isCreated()).andExpect(header().string("Location", "/api/v1/teams/phone-t2"));
        send(post("/api/v1/teams"), "admin", """
                {"code": "agency", "nameZh": "委外", "nameEn": "Agencies", "kind": "AGENCY", "queues": ["agency"]}""")
                .andExpect(status().isCreated());
        send(post("/api/v1/agents"), "manager", """
                {"ref": "A-1", "name": "王芳", "teamCode": "phone-t2", "skills": ["cantonese"], "level": 2, "startDate": "2026-01-05",
                 "regions": ["44"], "maxOpenCases": 120, "maxOverdueMinor": 300000000}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.openCases").value(0));
        send(post("/api/v1/agencies"), "manager", """
                {"ref": "AG-1", "name": "华信资产管理有限公司", "teamCode": "agency", "commissionRateBp": 1500, "placementDays": 90,
                 "maxOpenCases": 5000, "maxOverdueMinor": 5000000000}""")
                .andExpect(status().isCreated()).andExpect(jsonPath("$.commissionRateBp").value(1500));
        send(put("/api/v1/agents/A-1"), "manager", """
                {"ref": "A-1", "name": "王芳", "teamCode": "phone-t2", "level": 3, "startDate": "2026-01-05",
                 "maxOpenCases": 150, "maxOverdueMinor": 300000000, "active": false}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.level").value(3)).andExpect(jsonPath("$.active").value(false));

        send(get("/api/v1/teams"), "agent", "").andExpect(status().isOk())
                .andExpect(jsonPath("$[1].code").value("phone-t2")).andExpect(jsonPath("$[1].agents").value(1));
        send(get("/api/v1/agents?team=phone-t2"), "agent", "").andExpect(status().isOk()).andExpect(jsonPath("$[0].maxOpenCases").value(150));
        send(get("/api/v1/agencies/AG-1"), "agent", "").andExpect(status().isOk()).andExpect(jsonPath("$.placementsEnded").value(0));
        send(delete("/api/v1/agents/A-1"), "manager", "").andExpect(status().isNoContent());
        send(get("/api/v1/agents/A-1"), "manager", "").andExpect(status().isNotFound());
    }

    @Test
    void anAgentMayReadButNotChangeTheOrganisationOrRunAnAllocation() throws Exception {
        send(post("/api/v1/teams"), "agent", """
                {"code": "phone-t2", "nameZh": "电话", "nameEn": "Phone", "kind": "PHONE", "queues": ["phone-t2"]}""")
                .andExpect(status().isForbidden());
        send(post("/api/v1/allocations/run"), "agent", """
                {"method": "OPTIMISED", "dryRun": true}""").andExpect(status().isForbidden());
        send(get("/api/v1/allocations/runs"), "agent", "").andExpect(status().isOk());
    }

    @Test
    void badValuesAreReportedWithTheirFieldAndValue() throws Exception {
        organisation.createTeam(new dev.recoup.allocation.domain.Organisation.Team("phone-t2", "电话", "Phone", TeamKind.PHONE,
                List.of("phone-t2"), List.of(), false, true));
        String agent = """
                {"ref": "A-1", "name": "王芳", "teamCode": "%s", "level": %s, "startDate": "%s", "maxOpenCases": 10, "maxOverdueMinor": 100}""";

        invalid(send(post("/api/v1/agents"), "manager", agent.formatted("phone-t2", "\"high\"", "2026-01-05")), "level", "high");
        invalid(send(post("/api/v1/agents"), "manager", agent.formatted("phone-t2", "9", "2026-01-05")), "level", "9");
        invalid(send(post("/api/v1/agents"), "manager", agent.formatted("phone-t2", "2", "05/01/2026")), "startDate", "05/01/2026");
        invalid(send(post("/api/v1/agents"), "manager", agent.formatted("legal", "2", "2026-01-05")), "teamCode", "legal");
        invalid(send(post("/api/v1/teams"), "manager", """
                {"code": "Phone Team", "nameZh": "电话", "nameEn": "Phone", "kind": "PHONE", "queues": ["phone"]}"""), "code", "Phone Team");
        invalid(send(post("/api/v1/teams"), "manager", """
                {"code": "bots", "nameZh": "机器人", "nameEn": "Bots", "kind": "ROBOTS", "queues": ["robot-sms"]}"""), "kind", "ROBOTS");
        invalid(send(post("/api/v1/agencies"), "manager", """
                {"ref": "AG-1", "name": "华信", "teamCode": "phone-t2", "commissionRateBp": 20000, "placementDays": 90,
                 "maxOpenCases": 10, "maxOverdueMinor": 100}"""), "commissionRateBp", "20000");
        invalid(send(post("/api/v1/allocations/run"), "manager", """
                {"method": "BEST"}"""), "method", "BEST");
        invalid(send(get("/api/v1/allocations/runs?limit=0"), "manager", ""), "limit", "0");
        send(post("/api/v1/teams"), "manager", """
                {"code": "phone-t2", "nameZh": "电话", "nameEn": "Phone", "kind": "PHONE", "queues": ["phone-t2"]}""")
                .andExpect(status().isConflict());
    }

    private static void invalid(ResultActions result, String field, String value) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.value").value(value));
    }

    @Test
    void aManagerRunsAnAllocationAndSeesWhoGotWhatAndEachMethodsExpectedRecovery() throws Exception {
        send(post("/api/v1/allocations/run"), "manager", "{\"method\": \"SNAKE\"}").andExpect(status().isConflict());

        AllocationFixture fixture = new AllocationFixture(jdbc, organisation);
        for (int i = 1; i <= 8; i++) {
            fixture.customer("C" + i, "T2", 500 + 250 * i);
        }
        runs.runToCompletion(DAY, "test");
        fixture.team("phone", TeamKind.PHONE, List.of(), false)
                .agent("ANN", "phone", DAY.minusDays(300), 3, 1_000_000)
                .agent("BOB", "phone", DAY.minusDays(300), 3, 1_000_000);
        for (int i = 1; i <= 8; i++) {
            fixture.segment("C" + i, "phone-31-60", "phone");
        }

        invalid(send(post("/api/v1/allocations/run"), "manager", "{\"method\": \"SNAKE\", \"businessDate\": \"2999-01-01\"}"),
                "businessDate", "2999-01-01");
        invalid(send(post("/api/v1/allocations/run"), "manager", "{\"method\": \"SNAKE\", \"businessDate\": \"2026-03-19\"}"),
                "businessDate", "2026-03-19");

        String location = send(post("/api/v1/allocations/run"), "manager", "{\"method\": \"OPTIMISED\", \"dryRun\": false}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.casesToAllocate").value(8))
                .andExpect(jsonPath("$.casesAssigned").value(6))
                .andExpect(jsonPath("$.expectedRecoveryMinor.OPTIMISED").isNumber())
                .andExpect(jsonPath("$.expectedRecoveryMinor.ROUND_ROBIN").isNumber())
                .andExpect(jsonPath("$.expectedRecoveryMinor.SNAKE").isNumber())
                .andExpect(jsonPath("$.optimisedShareOfBound").value(greaterThanOrEqualTo(0.995)))
                .andReturn().getResponse().getHeader("Location");

        send(get(location + "?size=4&page=1"), "agent", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.run.method").value("OPTIMISED"))
                .andExpect(jsonPath("$.workers.length()").value(2))
                .andExpect(jsonPath("$.workers[0].cases").value(3))
                .andExpect(jsonPath("$.assignments.total").value(6))
                .andExpect(jsonPath("$.assignments.items.length()").value(2))
                .andExpect(jsonPath("$.assignments.items[0].customerRef").isString());
        send(get(location + "?worker=BOB"), "agent", "").andExpect(status().isOk())
                .andExpect(jsonPath("$.assignments.total").value(3))
                .andExpect(jsonPath("$.assignments.items[0].workerRef").value("BOB"));
        invalid(send(get(location + "?size=0"), "agent", ""), "size", "0");
    }

    @Test
    void theAllocationPageShowsTeamsAndTheLastRunSideBySideAndAManagerCanStartARun() throws Exception {
        AllocationFixture fixture = new AllocationFixture(jdbc, organisation);
        fixture.customer("C1", "T2", 1000).customer("C2", "T2", 2000);
        runs.runToCompletion(DAY, "test");
        fixture.team("phone-t2", TeamKind.PHONE, List.of(), false).agent("ANN", "phone-t2", DAY.minusDays(300), 5, 1_000_000);

        mvc.perform(post("/allocation/run").param("method", "OPTIMISED").param("dryRun", "true")
                        .with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/allocation/run").param("method", "OPTIMISED").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());

        mvc.perform(get("/allocation").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"methods\"")))
                .andExpect(content().string(containsString("催收员ANN")))
                .andExpect(content().string(containsString("线性规划上界")));
        mvc.perform(get("/allocation?lang=en").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("LP upper bound")));
    }
}
