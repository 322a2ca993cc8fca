package dev.recoup.management;

import dev.recoup.access.CaseScope;
import dev.recoup.access.Role;
import dev.recoup.access.Viewer;
import dev.recoup.allocation.CaseReassignments;
import dev.recoup.approvals.Approvals;
import dev.recoup.approvals.Approvals.NewApproval;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.management.persistence.DayFigures;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TeamFixture;
import dev.recoup.support.TestDatabase;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Team leads and managers (issue 6): team queues and reassignment, the approvals inbox, the complaint
 * queue, the day's figures and Excel exports. The demo user "lead" leads team phone-t2; team
 * "phone-x" is someone else's.
 */
@RecoupIntegrationTest
class ManagersTest {

    static final RequestPostProcessor LEAD = user("lead").roles("TEAM_LEAD");
    static final RequestPostProcessor MANAGER = user("manager").roles("MANAGER");
    static final RequestPostProcessor AGENT = user("agent").roles("AGENT");
    static final String OTHER_TEAM = "phone-x";
    static final String RAW_ID = "110101199001011234";

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired CaseReassignments reassignments;
    @Autowired CaseScope scope;
    @Autowired ApprovalService approvals;
    @Autowired DayFigures figures;
    @Autowired BusinessClock clock;

    TeamFixture teams;
    long mine;          // held by A0001 in the lead's team
    long alsoMine;      // held by A0001 too
    long theirs;        // held by A0009 in another team
    long a0001;
    long a0002;

    @BeforeEach
    void twoTeamsWithTheirCases() {
        TestDatabase.clean(jdbc);
        teams = new TeamFixture(jdbc);
        PortfolioFixture portfolio = new PortfolioFixture(jdbc);
        for (String c : List.of("C1", "C2", "C3")) {
            portfolio.customer(c).account("A-" + c, c, "2026-06-01", 6, 1000);
        }
        jdbc.sql("update customer set id_number = ?").param(RAW_ID).update();
        mine = openCase("C1");
        alsoMine = openCase("C2");
        theirs = openCase("C3");
        teams.assign(mine, TeamFixture.LEAD_TEAM, "A0001", 300_000);
        teams.assign(alsoMine, TeamFixture.LEAD_TEAM, "A0001", 100_000);
        teams.assign(theirs, OTHER_TEAM, "A0009", 900_000);
        a0001 = teams.agent(TeamFixture.LEAD_TEAM, "A0001");
        a0002 = teams.agent(TeamFixture.LEAD_TEAM, "A0002");
    }

    long openCase(String customerRef) {
        return jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2026-07-01', 0, date '2026-07-01' from customer where customer_ref = ? returning id""")
                .param(customerRef).query(Long.class).single();
    }

    Viewer agentViewer(long agentId) {
        return new Viewer(1, "someone", Set.of(Role.AGENT), agentId, null, Set.of());
    }

    // ---- team queues

    @Test
    void aTeamLeadSeesTheQueueOfItsOwnTeamOnlyWithEachAgentsCasesAndAmountsAndMaskedIds() throws Exception {
        String page = mvc.perform(get("/team").with(LEAD)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("坐席A0001", "坐席A0002", "#" + mine, "#" + alsoMine, "4,000.00", "110***********1234")
                .doesNotContain("坐席A0009", "#" + theirs + "<", RAW_ID);
        long other = jdbc.sql("select id from team where code = ?").param(OTHER_TEAM).query(Long.class).single();
        mvc.perform(get("/team").param("team", String.valueOf(other)).with(LEAD)).andExpect(status().isForbidden());
        mvc.perform(get("/team").param("team", String.valueOf(other)).with(MANAGER)).andExpect(status().isOk())
                .andExpect(content().string(containsString("坐席A0009")));
        mvc.perform(get("/team").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void aReassignedCaseShowsInTheNewAgentsQueueAtOnceAndTheMoveKeepsWhoAndWhy() throws Exception {
        assertThat(scope.maySeeCase(agentViewer(a0002), mine)).isFalse();
        long team = jdbc.sql("select id from team where code = ?").param(TeamFixture.LEAD_TEAM).query(Long.class).single();

        mvc.perform(post("/team/reassign").with(LEAD).with(csrf()).param("team", String.valueOf(team)).param("caseId", String.valueOf(mine))
                        .param("to", String.valueOf(a0002)).param("reason", "A0001 休假一周"))
                .andExpect(status().is3xxRedirection());

        assertThat(scope.maySeeCase(agentViewer(a0002), mine)).as("the new agent sees the case at once").isTrue();
        assertThat(scope.maySeeCase(agentViewer(a0001), mine)).as("the old agent no longer does").isFalse();
        assertThat(jdbc.sql("select end_reason from case_assignment where case_id = ? and agent_id = ?").params(mine, a0001)
                .query(String.class).single()).isEqualTo("REALLOCATED");
        assertThat(jdbc.sql("select method from case_assignment where case_id = ? and ended_on is null").param(mine).query(String.class).single())
                .isEqualTo("MANUAL");
        assertThat(jdbc.sql("select reassigned_by || ': ' || reason from case_reassignment where case_id = ?").param(mine).query(String.class).single())
                .isEqualTo("lead: A0001 休假一周");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'REASSIGN' and username = 'lead'").query(Long.class).single()).isOne();
        mvc.perform(get("/team").param("agent", String.valueOf(a0002)).with(LEAD))
                .andExpect(content().string(containsString("#" + mine)))
                .andExpect(content().string(containsString("A0001 休假一周")));
    }

    @Test
    void aCaseSentBackToThePoolHasNoAgentUntilTheNextAllocation() {
        CaseReassignments.Moved moved = reassignments.reassign(List.of(mine, alsoMine), null, "客户投诉，重新分案", "lead", Set.of(teamId(TeamFixture.LEAD_TEAM)));
        assertThat(moved.moved()).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from case_assignment where case_id in (?, ?) and ended_on is null").params(mine, alsoMine)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_reassignment where to_agent_id is null").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTeamLeadCannotMoveAnotherTeamsCasesNorGiveCasesToAnotherTeamsAgentAndMustSayWhy() {
        Set<Long> leads = Set.of(teamId(TeamFixture.LEAD_TEAM));
        long a0009 = teams.agent(OTHER_TEAM, "A0009");
        assertThatThrownBy(() -> reassignments.reassign(List.of(theirs), a0002, "试试", "lead", leads))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("caseIds"));
        assertThatThrownBy(() -> reassignments.reassign(List.of(mine), a0009, "试试", "lead", leads))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("agentId"));
        assertThatThrownBy(() -> reassignments.reassign(List.of(mine), a0002, "  ", "lead", leads))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
        assertThat(jdbc.sql("select count(*) from case_reassignment").query(Long.class).single()).isZero();
        assertThat(scope.maySeeCase(agentViewer(a0001), mine)).isTrue();
    }

    long teamId(String code) {
        return jdbc.sql("select id from team where code = ?").param(code).query(Long.class).single();
    }

    // ---- approvals inbox

    @Test
    void theInboxShowsATeamLeadOnlyWhatItMayDecideOnItsTeamsCasesAndAManagerItsOwnLevel() throws Exception {
        long onMine = approvals.request(new NewApproval("WAIVER", 1, mine, 50_000, "减免罚息500元", "agent", "失业")).id();
        long onTheirs = approvals.request(new NewApproval("WAIVER", 2, theirs, 50_000, "减免罚息500元", "agent9", "疾病")).id();
        long large = approvals.request(new NewApproval("WAIVER", 3, alsoMine, 500_000, "减免5000元", "agent", "失业")).id();

        mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("lead", "recoup-lead")))
                .andExpect(jsonPath("$", hasSize(2))).andExpect(jsonPath("$[0].id").value(onMine)).andExpect(jsonPath("$[1].id").value(large));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", onTheirs).with(httpBasic("lead", "recoup-lead"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": \"APPROVE\", \"reason\": \"ok\"}"))
                .andExpect(status().isForbidden());
        assertThat(approvals.find(onTheirs).status()).isEqualTo(Approvals.Status.PENDING);

        mvc.perform(post("/approvals/{id}/decide", large).with(LEAD).with(csrf()).param("decision", "APPROVE").param("reason", "困难属实"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/approvals").with(LEAD))
                .andExpect(content().string(containsString("减免罚息500元")))
                .andExpect(content().string(not(containsString("疾病"))));
        mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("lead", "recoup-lead")))
                .andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(onMine));
        mvc.perform(get("/api/v1/approvals/inbox").with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$", hasSize(3)));
    }

    // ---- complaints

    @Test
    void aComplaintGoesToAComplianceOfficerAndTheQueueFiltersByAssigneeWithinTheLeadsCases() throws Exception {
        long onMine = complaint(mine, "催收员态度恶劣");
        complaint(theirs, "深夜来电");
        mvc.perform(get("/complaints").with(LEAD))
                .andExpect(content().string(containsString("催收员态度恶劣")))
                .andExpect(content().string(not(containsString("深夜来电"))));
        mvc.perform(post("/complaints/{id}/assign", onMine).with(LEAD).with(csrf()).param("assignee", "agent"))
                .andExpect(status().is3xxRedirection());
        assertThat(assignee(onMine)).as("only compliance officers take complaints").isNull();
        mvc.perform(post("/complaints/{id}/assign", onMine).with(LEAD).with(csrf()).param("assignee", "compliance"))
                .andExpect(status().is3xxRedirection());
        assertThat(assignee(onMine)).isEqualTo("compliance");
        mvc.perform(get("/complaints").param("assignee", "me").with(user("compliance").roles("COMPLIANCE")))
                .andExpect(content().string(containsString("催收员态度恶劣")))
                .andExpect(content().string(not(containsString("深夜来电"))));
        mvc.perform(get("/complaints").param("assignee", "-").with(MANAGER))
                .andExpect(content().string(containsString("深夜来电")))
                .andExpect(content().string(not(containsString("催收员态度恶劣"))));
    }

    long complaint(long caseId, String text) {
        return jdbc.sql("""
                insert into complaint (case_id, customer_id, channel, category, text, status, received_at, registered_by, registered_at,
                                       first_response_due_at)
                select c.id, c.customer_id, 'PHONE', 'HARASSMENT', ?, 'OPEN', now(), 'agent', now(), now() + interval '1 day'
                from collection_case c where c.id = ? returning id""").params(text, caseId).query(Long.class).single();
    }

    String assignee(long complaintId) {
        return jdbc.sql("select assignee from complaint where id = ?").param(complaintId).query(String.class).optional().orElse(null);
    }

    // ---- exports

    @Test
    void anExportOfTheTeamQueueMasksNationalIdsForATeamLeadAndIsRecordedInTheAuditLog() throws Exception {
        byte[] xlsx = mvc.perform(get("/exports/team-queue.xlsx").with(LEAD)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();
        List<List<String>> rows = read(xlsx);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1)).contains(String.valueOf(mine), "110***********1234");
        assertThat(rows).flatExtracting(r -> r).doesNotContain(RAW_ID, "坐席A0009");
        assertThat(jdbc.sql("select detail from audit_event where action = 'EXPORT' and username = 'lead' and subject_id = 'team-queue'")
                .query(String.class).single()).contains("rows=2", "unmasked=false");

        List<List<String>> cases = read(mvc.perform(get("/exports/cases.xlsx").with(LEAD)).andReturn().getResponse().getContentAsByteArray());
        assertThat(cases).as("a lead's case list holds its teams' cases only").hasSize(3);
        List<List<String>> all = read(mvc.perform(get("/exports/cases.xlsx").with(user("compliance").roles("COMPLIANCE")))
                .andReturn().getResponse().getContentAsByteArray());
        assertThat(all).hasSize(4);
        assertThat(all).flatExtracting(r -> r).as("a compliance officer sees IDs in full").contains(RAW_ID);
        mvc.perform(get("/exports/cases.xlsx").with(AGENT)).andExpect(status().isForbidden());
    }

    @Test
    void everyManagersListExportsAsASpreadsheet() throws Exception {
        approvals.request(new NewApproval("WAIVER", 1, mine, 50_000, "减免罚息500元", "agent", "失业"));
        complaint(mine, "催收员态度恶劣");
        for (String list : List.of("approvals", "complaints", "promises", "kept-rate", "today", "team-queue", "cases", "causes")) {
            byte[] xlsx = mvc.perform(get("/exports/" + list + ".xlsx").with(MANAGER)).andExpect(status().isOk())
                    .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                    .andReturn().getResponse().getContentAsByteArray();
            assertThat(read(xlsx)).as(list).isNotEmpty();
        }
        assertThat(read(mvc.perform(get("/exports/approvals.xlsx").with(MANAGER)).andReturn().getResponse().getContentAsByteArray()))
                .flatExtracting(r -> r).contains("WAIVER", "agent");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and username = 'manager'").query(Long.class).single())
                .isEqualTo(9);
    }

    static List<List<String>> read(byte[] xlsx) throws Exception {
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx)); Stream<Row> rows = book.getFirstSheet().openStream()) {
            return rows.map(r -> r.stream().map(c -> c == null ? null : c.getText()).toList()).toList();
        }
    }

    // ---- today's figures

    @Test
    void theDaysFiguresByAgentAndTeamEqualAHandCountOfTheLedgerPromisesAndPayments() throws Exception {
        LocalDate today = clock.today();
        ZonedDateTime morning = today.atTime(10, 0).atZone(clock.zone());
        long contactOf = jdbc.sql("insert into contact (contact_ref, customer_id, role, phone) select 'CT1', customer_id, 'self', '13800001234' from collection_case where id = ? returning id")
                .param(mine).query(Long.class).single();
        // A0001 on its case: three calls today (two reached the debtor), one SMS and one voided call-list entry (neither counts), one call yesterday.
        attempt(mine, contactOf, "AGENT_CALL", "CONVERSATION_DEBTOR", morning, false);
        attempt(mine, contactOf, "AGENT_CALL", "CONVERSATION_DEBTOR", morning.plusHours(1), false);
        attempt(mine, contactOf, "AGENT_CALL", "NO_ANSWER", morning.plusHours(2), false);
        attempt(mine, contactOf, "SMS", "DELIVERED", morning, false);
        attempt(mine, contactOf, "AGENT_CALL", null, morning, true);
        attempt(mine, contactOf, "AGENT_CALL", "CONVERSATION_DEBTOR", morning.minusDays(1), false);
        // A0009 (other team): one call.
        attempt(theirs, contactOf, "AGENT_CALL", "CONVERSATION_THIRD_PARTY", morning, false);
        // A promise A0001 recorded today, one recorded yesterday.
        promise(mine, a0001, today, 50_000);
        promise(alsoMine, a0001, today.minusDays(1), 70_000);
        // Payments today on A0001's case's account: 300 yuan, and 200 yuan reversed; 100 yuan on the other team's case.
        PortfolioFixture portfolio = new PortfolioFixture(jdbc);
        portfolio.payment("A-C1", today.toString(), 300);
        portfolio.payment("A-C1", today.toString(), 200);
        portfolio.payment("A-C3", today.toString(), 100);
        jdbc.sql("""
                insert into payment_reversal (payment_id, account_id, reason, reversed_by, reversed_at, undone)
                select id, account_id, '退票', 'manager', now(), '[]' from payment where amount = 20000""").update();

        List<DayFigures.AgentDay> agents = figures.byAgent(today, clock.zone(), null);
        DayFigures.AgentDay first = agents.stream().filter(a -> a.agentId() == a0001).findFirst().orElseThrow();
        assertThat(first).extracting(DayFigures.AgentDay::contacts, DayFigures.AgentDay::rightParty, DayFigures.AgentDay::promises,
                DayFigures.AgentDay::promisedFen, DayFigures.AgentDay::recoveredFen).containsExactly(3L, 2L, 1L, 50_000L, 30_000L);
        assertThat(DayFigures.total(agents)).extracting(DayFigures.AgentDay::contacts, DayFigures.AgentDay::rightParty,
                DayFigures.AgentDay::recoveredFen).containsExactly(4L, 2L, 40_000L);
        assertThat(DayFigures.byTeam(agents)).extracting(DayFigures.AgentDay::teamCode, DayFigures.AgentDay::contacts)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(TeamFixture.LEAD_TEAM, 3L), org.assertj.core.groups.Tuple.tuple(OTHER_TEAM, 1L));

        List<DayFigures.AgentDay> yesterday = figures.byAgent(today.minusDays(1), clock.zone(), null);
        assertThat(yesterday.stream().filter(a -> a.agentId() == a0001).findFirst().orElseThrow())
                .extracting(DayFigures.AgentDay::contacts, DayFigures.AgentDay::promises).containsExactly(1L, 1L);

        String page = mvc.perform(get("/today").with(LEAD)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("chart-agents", "echarts", "坐席A0001", "300.00").doesNotContain("坐席A0009");
    }

    @Test
    void theDashboardCountsTheCausesOfDelinquencyDebtorsGaveOnTheDayAndOverThirtyDaysForTheLeadsTeams() throws Exception {
        LocalDate today = clock.today();
        ZonedDateTime morning = today.atTime(10, 0).atZone(clock.zone());
        callWithCause(mine, "JOB_LOSS", morning);
        callWithCause(alsoMine, "JOB_LOSS", morning.minusDays(10));
        callWithCause(mine, "INCOME_DROP", morning.minusDays(29));
        callWithCause(mine, "FORGOT", morning.minusDays(30));
        callWithCause(theirs, "UNWILLING", morning);

        assertThat(figures.causes(today, clock.zone(), new long[] {teams.team(TeamFixture.LEAD_TEAM)})).containsExactly(
                new DayFigures.CauseCount("JOB_LOSS", 1, 2), new DayFigures.CauseCount("INCOME_DROP", 0, 1));
        assertThat(figures.causes(today, clock.zone(), null)).extracting(DayFigures.CauseCount::cause)
                .containsExactly("JOB_LOSS", "INCOME_DROP", "UNWILLING");

        String page = mvc.perform(get("/today").with(LEAD)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("today-causes", "失业", "收入减少", "/exports/causes.xlsx").doesNotContain("还款意愿差", "忘记还款日");
        assertThat(read(mvc.perform(get("/exports/causes.xlsx").with(LEAD)).andReturn().getResponse().getContentAsByteArray()))
                .containsExactly(List.of("逾期原因", "当日", "近 30 天"), List.of("失业", "1", "2"), List.of("收入减少", "0", "1"));
    }

    private long calls;

    void callWithCause(long caseId, String cause, ZonedDateTime at) {
        jdbc.sql("""
                insert into workbench_call (case_id, contact_id, attempt_id, agent, started_at, identity_verified_at, outcome, disposition,
                                            delinquency_cause, ended_at)
                values (?, 0, ?, 'agent', ?, ?, 'CONVERSATION_DEBTOR', 'FINANCIAL_HARDSHIP', ?, ?)""")
                .params(caseId, ++calls, Timestamp.from(at.toInstant()), Timestamp.from(at.toInstant()), cause, Timestamp.from(at.toInstant()))
                .update();
    }

    void attempt(long caseId, long contactId, String channel, String outcome, ZonedDateTime at, boolean voided) {
        jdbc.sql("""
                insert into contact_attempt (case_id, customer_id, contact_id, channel, at, outcome, purpose, made_by, via, voided_at)
                select c.id, c.customer_id, ?, ?, ?, ?, 'COLLECTION', 'agent', 'RECORDED', ? from collection_case c where c.id = ?""")
                .params(contactId, channel, Timestamp.from(at.toInstant()), outcome, voided ? Timestamp.from(at.toInstant()) : null, caseId).update();
    }

    void promise(long caseId, long agentId, LocalDate recordedOn, long fen) {
        jdbc.sql("""
                insert into promise (case_id, customer_id, promised_on, amount, required_amount, grace_ends_on, channel, agent_id, team_id,
                                     recorded_on, recorded_at, recorded_by)
                select c.id, c.customer_id, ?, ?, ?, ?, 'PHONE', g.id, g.team_id, ?, now(), 'agent'
                from collection_case c, agent g where c.id = ? and g.id = ?""")
                .params(recordedOn.plusDays(3), fen, fen, recordedOn.plusDays(5), recordedOn, caseId, agentId).update();
    }

    // ---- layout

    @Test
    void anAgentSeesNoManagersMenuAndEveryPageOffersEnglish() throws Exception {
        mvc.perform(get("/tasks").with(AGENT))
                .andExpect(content().string(not(containsString("id=\"nav-team\""))))
                .andExpect(content().string(containsString("lang=en")));
        for (String page : List.of("/team", "/today", "/approvals", "/complaints", "/strategies", "/allocation", "/promises/kept-rate")) {
            mvc.perform(get(page).with(LEAD)).andExpect(status().isOk())
                    .andExpect(content().string(containsString("id=\"nav-team\"")))
                    .andExpect(content().string(containsString("lang=en")));
        }
        mvc.perform(get("/today").param("lang", "en").with(LEAD)).andExpect(content().string(containsString("Right-party contacts")));
        mvc.perform(get("/today").with(LEAD)).andExpect(content().string(containsString("有效联系")));
    }
}
