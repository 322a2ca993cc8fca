package dev.recoup.access;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.Assignments;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 6, security: logins, lockout, sessions, API tokens, case scopes, masking, reveal and the audit log. */
@RecoupIntegrationTest
class AccessTest {

    private static final RequestPostProcessor ADMIN = httpBasic("admin", "recoup-admin");
    private static final RequestPostProcessor MANAGER = httpBasic("manager", "recoup-manager");
    private static final RequestPostProcessor LEAD = httpBasic("lead", "recoup-lead");
    private static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");
    private static final RequestPostProcessor AGENT2 = httpBasic("agent2", "recoup-agent2");
    private static final RequestPostProcessor COMPLIANCE = httpBasic("compliance", "recoup-compliance");
    private static final RequestPostProcessor AGENCY = httpBasic("agency", "recoup-agency");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired ObjectMapper json;

    long agentsCase;
    long agent2sCase;
    long agencysCase;

    @BeforeEach
    void threeCasesForAgentAgent2AndTheAgency() {
        TestDatabase.clean(jdbc);
        jdbc.sql("insert into customer (customer_ref, name, id_number) values ('C1', '李四', '11010519491231002X'), ('C2', '王五', '31010519800101123X'), ('C3', '赵六', '44030519900101567X')").update();
        jdbc.sql("insert into contact (contact_ref, customer_id, role, phone) select 'CT' || customer_ref, id, 'self', '13812345678' from customer").update();
        new PortfolioFixture(jdbc).account("A1", "C1", "2026-01-10", 6, 2000).account("A2", "C2", "2026-01-10", 6, 2000)
                .account("A3", "C3", "2026-01-10", 6, 2000);
        runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");
        agentsCase = caseOf("C1");
        agent2sCase = caseOf("C2");
        agencysCase = caseOf("C3");
        Assignments.toAgent(jdbc, agentsCase, "A0002");
        Assignments.toAgent(jdbc, agent2sCase, "A0003");
        Assignments.toAgency(jdbc, agencysCase, "AG01");
    }

    private long caseOf(String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ?")
                .param(customerRef).query(Long.class).single();
    }

    private void createUser(String username, String password, String... roles) throws Exception {
        mvc.perform(post("/api/v1/users").with(ADMIN).contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(
                        java.util.Map.of("username", username, "password", password, "roles", List.of(roles)))))
                .andExpect(status().isCreated());
    }

    // --- logins ---

    @Test
    void fiveWrongPasswordsInARowLockTheAccountAndTheLoginPageSaysForHowLong() throws Exception {
        createUser("locky", "right-password-1", "AGENT");
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user("locky").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("locky").password("right-password-1")).andExpect(redirectedUrl("/login?error=locked"));
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("locky", "right-password-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/login").param("error", "locked")).andExpect(content().string(containsString("连续 5 次密码错误已被锁定，请 15 分钟后再试")));
        mvc.perform(get("/login").param("error", "locked").param("lang", "en"))
                .andExpect(content().string(containsString("locked after 5 wrong passwords in a row. Try again in 15 minutes")));
        assertThat(jdbc.sql("select locked_until > now() + interval '14 minutes' from app_user where username = 'locky'").query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("select action from audit_event where subject_id = 'locky' order by id").query(String.class).list())
                .containsSubsequence("USER_CREATED", "LOCKED", "LOGIN_REFUSED");
    }

    @Test
    void fourWrongPasswordsAndThenTheRightOneSignInAndStartTheCountAgain() throws Exception {
        createUser("careful", "right-password-2", "AGENT");
        for (int i = 0; i < 4; i++) {
            mvc.perform(formLogin("/login").user("careful").password("wrong")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("careful").password("right-password-2")).andExpect(redirectedUrl("/"));
        assertThat(jdbc.sql("select failed_logins from app_user where username = 'careful'").query(Integer.class).single()).isZero();
    }

    @Test
    void aSignInThroughTheLoginFormIsAuditedWithWhereItCameFromButAnApiCallIsNot() throws Exception {
        createUser("audited", "right-password-3", "AGENT");
        mvc.perform(formLogin("/login").user("audited").password("right-password-3")).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("audited", "right-password-3"))).andExpect(status().isOk());
        assertThat(jdbc.sql("select action || ' ' || detail from audit_event where subject_id = 'audited' and action like 'LOGIN%'")
                .query(String.class).list()).containsExactly("LOGIN from 127.0.0.1");
    }

    @Test
    void aSignedInPageSessionEndsAfterThirtyIdleMinutesAndAnEndedSessionIsSentToTheLoginPageWithTheReason() throws Exception {
        var login = mvc.perform(formLogin("/login").user("agent").password("recoup-agent")).andExpect(redirectedUrl("/")).andReturn();
        MockHttpSession session = (MockHttpSession) login.getRequest().getSession(false);
        assertThat(session.getMaxInactiveInterval()).isEqualTo(30 * 60);
        mvc.perform(get("/tasks").with(r -> {
            r.setRequestedSessionId("ended-long-ago");
            r.setRequestedSessionIdValid(false);
            return r;
        })).andExpect(redirectedUrl("/login?expired"));
        mvc.perform(get("/login").param("expired", "")).andExpect(content().string(containsString("30 分钟无操作，会话已结束")));
    }

    @Test
    void aPageFormWithoutItsCsrfTokenIsRefused() throws Exception {
        // Refused before anything happens: 403, or (no session yet) sent to sign in again.
        int refused = mvc.perform(post("/cases/{id}/flow", agentsCase).with(AGENT).param("to", "NEGOTIATION").param("reason", "x"))
                .andReturn().getResponse().getStatus();
        assertThat(refused).isIn(302, 403);
        assertThat(stageChanges()).isZero();
        mvc.perform(post("/cases/{id}/flow", agentsCase).with(AGENT).with(csrf()).param("to", "NEGOTIATION").param("reason", "x"))
                .andExpect(redirectedUrl("/cases/" + agentsCase));
        assertThat(stageChanges()).isEqualTo(1);
    }

    private long stageChanges() {
        // A request that reached the application is in the audit log as a change; one stopped by CSRF never got there.
        return jdbc.sql("select count(*) from audit_event where action = 'CHANGE' and detail like ?").param("POST /cases/" + agentsCase + "/flow%")
                .query(Long.class).single();
    }

    @Test
    void passwordsAreStoredAsBcryptHashes() {
        assertThat(jdbc.sql("select password_hash from app_user where username = 'agent'").query(String.class).single())
                .startsWith("{bcrypt}$2").doesNotContain("recoup-agent");
    }

    @Test
    void disablingAUserEndsTheirApiAccessWithTheirNextRequestDespiteTheRememberedLogin() throws Exception {
        createUser("leaver", "leaver-password", "MANAGER");
        mvc.perform(get("/api/v1/cases").with(httpBasic("leaver", "leaver-password"))).andExpect(status().isOk());
        long id = jdbc.sql("select id from app_user where username = 'leaver'").query(Long.class).single();
        mvc.perform(post("/api/v1/users/{id}/disable", id).with(ADMIN)).andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/cases").with(httpBasic("leaver", "leaver-password"))).andExpect(status().isUnauthorized());
    }

    @Test
    void aNewRoleTakesEffectWithTheUsersNextRequest() throws Exception {
        createUser("promoted", "promoted-password", "AGENT");
        mvc.perform(get("/api/v1/audit-events").with(httpBasic("promoted", "promoted-password"))).andExpect(status().isForbidden());
        long id = jdbc.sql("select id from app_user where username = 'promoted'").query(Long.class).single();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put("/api/v1/users/{id}", id).with(ADMIN)
                .contentType(MediaType.APPLICATION_JSON).content("{\"roles\": [\"COMPLIANCE\"]}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/audit-events").with(httpBasic("promoted", "promoted-password"))).andExpect(status().isOk());
    }

    @Test
    void aResetPasswordReplacesTheOldOneAtOnce() throws Exception {
        createUser("forgetful", "old-password-1", "AGENT");
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("forgetful", "old-password-1"))).andExpect(status().isOk());
        long id = jdbc.sql("select id from app_user where username = 'forgetful'").query(Long.class).single();
        mvc.perform(post("/api/v1/users/{id}/password", id).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                .content("{\"password\": \"new-password-1\"}")).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("forgetful", "old-password-1"))).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("forgetful", "new-password-1"))).andExpect(status().isOk());
    }

    @Test
    void onlyAnAdministratorManagesUsers() throws Exception {
        mvc.perform(get("/api/v1/users").with(MANAGER)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users").with(ADMIN)).andExpect(status().isOk()).andExpect(content().string(containsString("compliance")));
    }

    // --- API tokens ---

    @Test
    void aPersonalApiTokenIsShownOnceStoredHashedActsWithItsOwnersRolesAndScopeAndStopsWhenRevoked() throws Exception {
        String answer = mvc.perform(post("/api/v1/me/tokens").with(AGENT).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"夜间脚本\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        JsonNode created = json.readTree(answer);
        String token = created.get("token").asString();
        assertThat(token).startsWith("rcp_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select count(*) from api_token where token_prefix = ? and token_hash <> convert_to(?, 'UTF8')")
                .params(token.substring(0, 8), token).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from api_token where encode(token_hash, 'escape') like ?").param("%" + token.substring(4) + "%")
                .query(Long.class).single()).isZero();
        mvc.perform(get("/api/v1/me/tokens").with(AGENT)).andExpect(jsonPath("$[0].name").value("夜间脚本"))
                .andExpect(content().string(not(containsString(token))));

        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.cases[0].id").value(agentsCase));
        mvc.perform(get("/api/v1/cases/{id}", agent2sCase).header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token)).andExpect(status().isForbidden());

        mvc.perform(delete("/api/v1/me/tokens/{id}", created.get("id").asLong()).with(AGENT)).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void aMadeUpTokenIsRefused() throws Exception {
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer rcp_made-up")).andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledUsersTokensStopWorking() throws Exception {
        createUser("scripter", "scripter-password", "MANAGER");
        String answer = mvc.perform(post("/api/v1/me/tokens").with(httpBasic("scripter", "scripter-password")).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"export\"}")).andReturn().getResponse().getContentAsString();
        String token = json.readTree(answer).get("token").asString();
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        long id = jdbc.sql("select id from app_user where username = 'scripter'").query(Long.class).single();
        mvc.perform(post("/api/v1/users/{id}/disable", id).with(ADMIN)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void theMyTokensPageShowsANewTokenOnceOnly() throws Exception {
        var created = mvc.perform(post("/me/tokens").with(AGENT).with(csrf()).param("name", "报表")).andReturn();
        var flash = (ApiTokens.CreatedToken) created.getFlashMap().get("created");
        assertThat(flash.token()).startsWith("rcp_");
        mvc.perform(get("/me/tokens").with(AGENT)).andExpect(status().isOk()).andExpect(content().string(containsString("报表")))
                .andExpect(content().string(not(containsString(flash.token()))));
    }

    // --- scopes ---

    @Test
    void anAgentOpeningAnotherAgentsCaseGets403OnThePageAndTheApi() throws Exception {
        mvc.perform(get("/api/v1/cases/{id}", agent2sCase).with(AGENT)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.title").value("Forbidden"));
        mvc.perform(get("/cases/{id}", agent2sCase).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/C2").with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/accounts/A2").with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/{id}/tasks", agent2sCase).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/{id}/documents", agent2sCase).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/cases/{id}/documents", agent2sCase).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/cases/{id}", agentsCase).with(AGENT)).andExpect(status().isOk());
        mvc.perform(get("/cases/{id}", agentsCase).with(AGENT)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/cases/{id}", agent2sCase).with(AGENT2)).andExpect(status().isOk());
    }

    @Autowired CaseScope caseScope;

    @Test
    void theCaseScopeTellsOtherModulesWhoMaySeeACaseAndRefusesWithAForbiddenException() {
        Viewer agent = new Viewer(1, "agent", Set.of(Role.AGENT), agentId("A0002"), null, Set.of());
        Viewer manager = new Viewer(2, "manager", Set.of(Role.MANAGER), null, null, Set.of());
        Viewer nobody = new Viewer(3, "x", Set.of(Role.AGENT), null, null, Set.of());
        assertThat(caseScope.maySeeCase(agent, agentsCase)).isTrue();
        assertThat(caseScope.maySeeCase(agent, agent2sCase)).isFalse();
        assertThat(caseScope.maySeeCase(manager, agent2sCase)).isTrue();
        assertThat(caseScope.maySeeCase(nobody, agentsCase)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> caseScope.requireCase(agent, agent2sCase))
                .isInstanceOf(dev.recoup.shared.ForbiddenException.class);
        ScopeCondition scope = caseScope.casesVisibleTo(agent, "c.id");
        assertThat(jdbc.sql("select c.id from collection_case c where " + scope.sql()).params(scope.params()).query(Long.class).list())
                .containsExactly(agentsCase);
    }

    private Long agentId(String ref) {
        return jdbc.sql("select id from agent where agent_ref = ?").param(ref).query(Long.class).single();
    }

    @Test
    void anAgentsCaseListHoldsOnlyItsAssignedCasesAndAManagersAll() throws Exception {
        mvc.perform(get("/api/v1/cases").with(AGENT)).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.cases[0].id").value(agentsCase));
        mvc.perform(get("/api/v1/cases").with(MANAGER)).andExpect(jsonPath("$.total").value(3));
    }

    @Test
    void anAgentAskingForThePaymentsOfAnotherAgentsCaseOrAccountGets403() throws Exception {
        mvc.perform(get("/api/v1/payments").param("caseId", String.valueOf(agent2sCase)).with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments").param("accountId", "A2").with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/payments").param("accountId", "A2").with(AGENT)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/payments").param("caseId", String.valueOf(agentsCase)).with(AGENT)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/payments").param("accountId", "A2").with(AGENT2)).andExpect(status().isOk());
    }

    @Test
    void anAgencyUserSeesOnlyTheCasesPlacedWithItsAgency() throws Exception {
        mvc.perform(get("/api/v1/cases").with(AGENCY)).andExpect(jsonPath("$.total").value(1)).andExpect(jsonPath("$.cases[0].id").value(agencysCase));
        mvc.perform(get("/api/v1/cases/{id}", agentsCase).with(AGENCY)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/customers/C3").with(AGENCY)).andExpect(status().isOk());
        mvc.perform(get("/strategies").with(AGENCY)).andExpect(status().isForbidden());
    }

    @Test
    void aTeamLeadSeesTheCasesOfTheTeamsItLeads() throws Exception {
        mvc.perform(get("/api/v1/cases").with(LEAD)).andExpect(jsonPath("$.total").value(2));
        mvc.perform(get("/api/v1/cases/{id}", agencysCase).with(LEAD)).andExpect(status().isForbidden());
    }

    @Test
    void theTasksListOfAnAgentHoldsOnlyTasksOfItsCases() throws Exception {
        for (long c : new long[]{agentsCase, agent2sCase}) {
            mvc.perform(post("/api/v1/cases/{id}/tasks", c).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                    .content("{\"type\": \"AGENT_CALL\", \"dueOn\": \"2027-01-15\", \"queue\": \"phone-t2\"}")).andExpect(status().isCreated());
        }
        assertThat(caseIdsOfTasks(AGENT)).containsExactly(agentsCase);
        assertThat(caseIdsOfTasks(MANAGER)).contains(agentsCase, agent2sCase);
        mvc.perform(get("/tasks").with(AGENT)).andExpect(status().isOk());
    }

    private Set<Long> caseIdsOfTasks(RequestPostProcessor user) throws Exception {
        JsonNode page = json.readTree(mvc.perform(get("/api/v1/tasks").param("size", "500").with(user)).andReturn().getResponse().getContentAsString());
        Set<Long> ids = new java.util.TreeSet<>();
        page.get("tasks").forEach(t -> ids.add(t.get("caseId").asLong()));
        return ids;
    }

    // --- masking, reveal, audit ---

    @Test
    void idAndPhoneNumbersAreMaskedForAgentsTeamLeadsAndAgenciesAndInFullForManagersComplianceAndLegal() throws Exception {
        for (var masked : List.of(AGENT, LEAD)) {
            mvc.perform(get("/api/v1/customers/C1").with(masked)).andExpect(status().isOk())
                    .andExpect(jsonPath("$.id_number").value("110***********002X")).andExpect(jsonPath("$.contacts[0].phone").value("138****5678"));
        }
        mvc.perform(get("/api/v1/customers/C3").with(AGENCY)).andExpect(jsonPath("$.id_number").value("440***********567X"));
        for (var full : List.of(MANAGER, COMPLIANCE, httpBasic("legal", "recoup-legal"))) {
            mvc.perform(get("/api/v1/customers/C1").with(full)).andExpect(jsonPath("$.id_number").value("11010519491231002X"))
                    .andExpect(jsonPath("$.contacts[0].phone").value("13812345678"));
        }
    }

    @Test
    void revealingAnIdNumberTakesAReasonIsAuditedAndIsRefusedToAgencies() throws Exception {
        mvc.perform(post("/api/v1/customers/C1/reveal").with(AGENT).contentType(MediaType.APPLICATION_JSON).content("{\"field\": \"idNumber\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("reason"));
        mvc.perform(post("/api/v1/customers/C1/reveal").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"field\": \"idNumber\", \"reason\": \"客户来电核实身份\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.value").value("11010519491231002X"));
        mvc.perform(post("/api/v1/customers/C2/reveal").with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"field\": \"phone\", \"reason\": \"x\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/customers/C3/reveal").with(AGENCY).contentType(MediaType.APPLICATION_JSON)
                .content("{\"field\": \"phone\", \"reason\": \"x\"}")).andExpect(status().isForbidden());
        var reveal = jdbc.sql("select username, subject_id, detail from audit_event where action = 'REVEAL'").query().listOfRows();
        assertThat(reveal).hasSize(1);
        assertThat(reveal.get(0)).containsEntry("username", "agent").containsEntry("detail", "idNumber: 客户来电核实身份");
        assertThat(jdbc.sql("select count(*) from audit_event where detail like '%11010519491231002X%'").query(Long.class).single()).isZero();
    }

    @Test
    void theCasePageRevealsWithAReasonAndShowsTheNumberOnce() throws Exception {
        var result = mvc.perform(post("/cases/{id}/reveal", agentsCase).with(AGENT).with(csrf()).param("field", "phone").param("reason", "回拨"))
                .andExpect(redirectedUrl("/cases/" + agentsCase)).andReturn();
        assertThat(result.getFlashMap().get("revealed").toString()).contains("13812345678");
        mvc.perform(get("/cases/{id}", agentsCase).with(AGENT)).andExpect(content().string(containsString("查看原因")));
    }

    @Test
    void sensitiveReadsAndEveryChangeGoToTheAuditLog() throws Exception {
        mvc.perform(get("/cases/{id}", agentsCase).with(AGENT)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/C1").with(MANAGER)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/cases/{id}/tasks", agentsCase).with(AGENT).contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"AGENT_CALL\", \"dueOn\": \"2027-01-15\", \"owner\": \"agent\"}")).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/cases/{id}", agent2sCase).with(AGENT)).andExpect(status().isForbidden());
        var events = jdbc.sql("select username || ' ' || action || ' ' || coalesce(subject_type, '') || ' ' || coalesce(subject_id, '') from audit_event order by id")
                .query(String.class).list();
        assertThat(events).contains("agent READ case " + agentsCase, "manager READ customer C1", "agent CHANGE case " + agentsCase);
        assertThat(jdbc.sql("select detail from audit_event where action = 'CHANGE'").query(String.class).single())
                .isEqualTo("POST /api/v1/cases/" + agentsCase + "/tasks → 201");
    }

    @Test
    void theAuditLogPageFiltersByUserAndIsForComplianceAndAdministratorsOnly() throws Exception {
        mvc.perform(get("/cases/{id}", agentsCase).with(AGENT)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/customers/C2").with(MANAGER)).andExpect(status().isOk());
        mvc.perform(get("/audit").param("username", "agent").with(COMPLIANCE)).andExpect(status().isOk())
                .andExpect(content().string(containsString("/cases/" + agentsCase))).andExpect(content().string(not(containsString("/api/v1/customers/C2"))));
        mvc.perform(get("/api/v1/audit-events").param("username", "manager").with(ADMIN)).andExpect(jsonPath("$.events", hasSize(1)));
        mvc.perform(get("/audit").with(MANAGER)).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void everyRoleHasADemoUser() {
        assertThat(jdbc.sql("select distinct unnest(roles) from app_user where demo").query(String.class).list())
                .containsExactlyInAnyOrderElementsOf(java.util.Arrays.stream(Role.values()).map(Enum::name).toList());
        assertThat(Set.of("agent", "agent2", "lead", "agency")).allSatisfy(u ->
                assertThat(jdbc.sql("select count(*) from app_user where username = ? and demo").param(u).query(Long.class).single()).isEqualTo(1));
    }
}
