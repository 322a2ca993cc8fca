package dev.recoup.waivers;

import dev.recoup.approvals.Approvals;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import dev.recoup.waivers.domain.WaiverAmounts;
import dev.recoup.waivers.domain.WaiverKind;
import dev.recoup.waivers.persistence.Waiver;
import dev.recoup.waivers.persistence.WaiverService;
import dev.recoup.shared.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class WaiversTest {

    static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");
    static final RequestPostProcessor LEAD = httpBasic("lead", "recoup-lead");
    static final RequestPostProcessor MANAGER = httpBasic("manager", "recoup-manager");
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
    static final byte[] PDF = "%PDF-1.7\n失业证明\n%%EOF".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired WaiverService waivers;
    @Autowired ApprovalService approvals;
    @Autowired DailyRunService runs;
    long caseId;

    /** Six instalments of 1,000 yuan principal, each with 50 yuan interest, 20 yuan fee and 500 yuan penalty, all overdue; an open case. */
    @BeforeEach
    void anOverdueCustomer() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A1", "C1", "2026-05-01", 6, 1000);
        jdbc.sql("update instalment set interest_due = 5000, fee_due = 2000, penalty_due = 50000").update();
        caseId = jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2026-06-01', 0, date '2026-06-01' from customer where customer_ref = 'C1' returning id""")
                .query(Long.class).single();
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases
        // (in team phone-t2, which the demo team lead leads: it decides the waivers).
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    /** The same customer with the case opened by a daily run, so the case has its overdue amounts. */
    void openedByTheDailyRun() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A1", "C1", "2026-05-01", 6, 1000);
        jdbc.sql("update instalment set interest_due = 5000, fee_due = 2000, penalty_due = 50000").update();
        runs.runToCompletion(LocalDate.parse("2026-11-20"), "test");
        caseId = jdbc.sql("select id from collection_case where status = 'OPEN'").query(Long.class).single();
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    long submitted(WaiverAmounts amounts, boolean excludeFromKpis) {
        Waiver draft = waivers.create(caseId, "A1", amounts, "失业六个月，家庭收入中断", excludeFromKpis, "agent");
        waivers.addEvidence(draft.id(), "失业证明.pdf", PDF, "agent");
        return waivers.submit(draft.id(), "agent").id();
    }

    Map<String, Long> adjustments() {
        Map<String, Long> posted = new java.util.TreeMap<>();
        jdbc.sql("select component, amount from payment_adjustment order by id").query((rs, n) -> posted.put(rs.getString(1), rs.getLong(2))).list();
        return posted;
    }

    @Test
    void aWaiverOfPrincipalIsRefusedOutsideASettlement() throws Exception {
        mvc.perform(post("/api/v1/cases/{c}/waivers", caseId).with(AGENT).contentType(MediaType.APPLICATION_JSON).content("""
                        {"kind": "WAIVER", "accountRef": "A1", "penaltyFen": 10000, "principalFen": 50000, "reason": "困难"}"""))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("principalFen"))
                .andExpect(jsonPath("$.detail", containsString("except in a settlement")));
        assertThat(jdbc.sql("select count(*) from waiver").query(Long.class).single()).isZero();
    }

    @Test
    void aWaiverIsSubmittedOnlyWithProofOfHardshipAndOnlyPdfJpegOrPngIsProof() throws Exception {
        String created = mvc.perform(post("/api/v1/cases/{c}/waivers", caseId).with(AGENT).contentType(MediaType.APPLICATION_JSON).content("""
                        {"accountRef": "A1", "penaltyFen": 30000, "feeFen": 5000, "reason": "重病住院", "excludeFromKpis": true}"""))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.totalFen").value(35000))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/waivers/{id}/submit", id).with(AGENT))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("evidence"));
        mvc.perform(multipart("/api/v1/waivers/{id}/evidence", id).file(new MockMultipartFile("file", "note.png", "image/png", "just text".getBytes()))
                        .with(AGENT))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.value").value("note.png"));
        byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(PNG, 0, tooLarge, 0, PNG.length);
        mvc.perform(multipart("/api/v1/waivers/{id}/evidence", id).file(new MockMultipartFile("file", "scan.png", "image/png", tooLarge)).with(AGENT))
                .andExpect(status().isBadRequest());

        mvc.perform(multipart("/api/v1/waivers/{id}/evidence", id).file(new MockMultipartFile("file", "C:\\scans\\诊断书.png", "application/octet-stream", PNG))
                        .with(AGENT))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.fileName").value("诊断书.png"))
                .andExpect(jsonPath("$.contentType").value("image/png"))
                .andExpect(jsonPath("$.sha256").value(sha256(PNG)));
        mvc.perform(multipart("/api/v1/waivers/{id}/evidence", id).file(new MockMultipartFile("file", "again.png", "image/png", PNG)).with(AGENT))
                .andExpect(status().isCreated());
        Waiver withProof = waivers.find(id);
        assertThat(withProof.evidence()).as("the same file twice is kept once").hasSize(1);
        byte[] downloaded = mvc.perform(get("/api/v1/waivers/{id}/evidence/{e}", id, withProof.evidence().getFirst().id()).with(AGENT))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(downloaded).isEqualTo(PNG);

        mvc.perform(post("/api/v1/waivers/{id}/submit", id).with(AGENT))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.approval.levelsRequired").value(1))
                .andExpect(jsonPath("$.approval.nextLevelName").value("TEAM_LEAD"));
    }

    @Test
    void aLargeWaiverIsApprovedByTheTeamLeadThenTheManagerAndOnlyThenPostsAdjustments() throws Exception {
        long id = submitted(new WaiverAmounts(WaiverKind.WAIVER, 12000, 250000, 30000, 0, null), true);
        Waiver pending = waivers.find(id);
        assertThat(pending.totalFen()).isEqualTo(292000);
        assertThat(pending.approval().levelsRequired()).as("above 2,000 yuan: team lead, then manager").isEqualTo(2);

        mvc.perform(post("/api/v1/approvals/{a}/decisions", pending.approvalId()).with(LEAD).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"失业证明属实\"}"))
                .andExpect(status().isOk());
        assertThat(adjustments()).as("nothing posts before the last level").isEmpty();
        assertThat(waivers.isExcluded(caseId)).isFalse();

        mvc.perform(post("/api/v1/approvals/{a}/decisions", pending.approvalId()).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"同意减免\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        assertThat(adjustments()).isEqualTo(Map.of("FEE", 12000L, "PENALTY", 250000L, "INTEREST", 30000L));
        assertThat(jdbc.sql("select distinct source_kind || ':' || source_id from payment_adjustment").query(String.class).list())
                .containsExactly("WAIVER:" + id);
        Waiver approved = waivers.find(id);
        assertThat(approved.status()).isEqualTo("APPROVED");
        assertThat(approved.decidedBy()).isEqualTo("manager");
        assertThat(waivers.isExcluded(caseId)).isTrue();
        mvc.perform(get("/api/v1/kpi-exclusions").with(AGENT)).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].caseId").value(caseId));
        mvc.perform(get("/api/v1/cases/{c}/waivers", caseId).with(AGENT))
                .andExpect(jsonPath("$[0].excludeFromKpis").value(true))
                .andExpect(jsonPath("$[0].approval.decisions", hasSize(2)));
    }

    @Test
    void aSmallWaiverNeedsOnlyTheTeamLeadAndARejectedOnePostsNothing() {
        long small = submitted(new WaiverAmounts(WaiverKind.WAIVER, 0, 20000, 0, 0, null), false);
        approvals.decide(waivers.find(small).approvalId(), "lead", Set.of("TEAM_LEAD"), true, "同意");
        assertThat(waivers.find(small).status()).isEqualTo("APPROVED");
        assertThat(adjustments()).isEqualTo(Map.of("PENALTY", 20000L));
        assertThat(waivers.isExcluded(caseId)).as("not asked to leave the case out of KPIs").isFalse();

        long rejected = submitted(new WaiverAmounts(WaiverKind.WAIVER, 2000, 0, 0, 0, null), true);
        approvals.decide(waivers.find(rejected).approvalId(), "lead", Set.of("TEAM_LEAD"), false, "证明不足");
        Waiver after = waivers.find(rejected);
        assertThat(after.status()).isEqualTo("REJECTED");
        assertThat(after.decisionReason()).isEqualTo("证明不足");
        assertThat(adjustments()).isEqualTo(Map.of("PENALTY", 20000L));
        assertThat(waivers.isExcluded(caseId)).isFalse();
    }

    @Test
    void aSettlementThatForgivesPrincipalNeedsTheManagerEvenForASmallAmount() {
        long id = submitted(new WaiverAmounts(WaiverKind.SETTLEMENT, 0, 10000, 0, 5000, 500000L), false);
        Waiver settlement = waivers.find(id);
        assertThat(settlement.approval().touchesPrincipal()).isTrue();
        assertThat(settlement.approval().levelsRequired()).isEqualTo(2);

        approvals.decide(settlement.approvalId(), "lead", Set.of("TEAM_LEAD"), true, "客户愿一次性结清");
        assertThat(adjustments()).isEmpty();
        approvals.decide(settlement.approvalId(), "manager", Set.of("MANAGER"), true, "同意和解");
        assertThat(adjustments()).isEqualTo(Map.of("PENALTY", 10000L, "PRINCIPAL", 5000L));
        assertThat(jdbc.sql("select distinct source_kind from payment_adjustment").query(String.class).single()).isEqualTo("SETTLEMENT");
    }

    @Test
    void theSameManagerCannotApproveBothLevelsOfAWaiver() throws Exception {
        long id = submitted(new WaiverAmounts(WaiverKind.WAIVER, 0, 250000, 0, 0, null), false);
        long approval = waivers.find(id).approvalId();
        mvc.perform(post("/api/v1/approvals/{a}/decisions", approval).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"APPROVE\", \"reason\": \"代组长\"}")).andExpect(status().isOk());
        mvc.perform(post("/api/v1/approvals/{a}/decisions", approval).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"再批\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ALREADY_DECIDED_A_LEVEL"));
        assertThat(adjustments()).isEmpty();
        assertThat(waivers.find(id).status()).isEqualTo("PENDING");
    }

    @Test
    void anApprovalThatWouldForgiveMoreThanIsStillOwedIsRefusedAndNothingOfTheDecisionIsKept() {
        long first = submitted(new WaiverAmounts(WaiverKind.WAIVER, 0, 150000, 0, 0, null), false);
        long second = submitted(new WaiverAmounts(WaiverKind.WAIVER, 0, 150000, 0, 0, null), false);
        approvals.decide(waivers.find(first).approvalId(), "lead", Set.of("TEAM_LEAD"), true, "同意");
        assertThat(adjustments()).isEqualTo(Map.of("PENALTY", 150000L));
        jdbc.sql("update instalment set penalty_due = 0 where seq > 3").update();

        long secondApproval = waivers.find(second).approvalId();
        assertThatThrownBy(() -> approvals.decide(secondApproval, "lead", Set.of("TEAM_LEAD"), true, "同意"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("PENALTY");

        assertThat(approvals.find(secondApproval).status()).as("the decision rolled back with the adjustment").isEqualTo(Approvals.Status.PENDING);
        assertThat(approvals.detail(secondApproval).decisions()).isEmpty();
        assertThat(waivers.find(second).status()).isEqualTo("PENDING");
        assertThat(adjustments()).isEqualTo(Map.of("PENALTY", 150000L));
    }

    @Test
    void aWithdrawnWaiverLeavesTheApproversInbox() {
        long id = submitted(new WaiverAmounts(WaiverKind.WAIVER, 0, 1000, 0, 0, null), false);
        assertThat(approvals.inbox("lead", Set.of("TEAM_LEAD"), 10)).hasSize(1);
        assertThat(waivers.withdraw(id, "agent").status()).isEqualTo("WITHDRAWN");
        assertThat(approvals.inbox("lead", Set.of("TEAM_LEAD"), 10)).isEmpty();
    }

    @Test
    void theCasePageAsksForAWaiverWithItsProofInOneFormAndTheApplicationIsADocument() throws Exception {
        openedByTheDailyRun();
        mvc.perform(multipart("/cases/{c}/waivers", caseId)
                        .file(new MockMultipartFile("files", "证明.pdf", "application/pdf", PDF))
                        .param("kind", "WAIVER").param("accountRef", "A1").param("penalty", "300.00").param("reason", "疫情期间失业")
                        .with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        List<Waiver> list = waivers.list(caseId);
        assertThat(list).hasSize(1);
        assertThat(list.getFirst().status()).isEqualTo("PENDING");
        assertThat(list.getFirst().penaltyFen()).isEqualTo(30000);
        assertThat(list.getFirst().evidence()).hasSize(1);
        mvc.perform(get("/cases/{c}/waivers", caseId).with(user("agent").roles("AGENT")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("疫情期间失业")));

        mvc.perform(post("/api/v1/waivers/{id}/application", list.getFirst().id()).with(AGENT)).andExpect(status().isCreated());
        assertThat(jdbc.sql("select kind || ':' || (variables->>'waiverAmount') from case_document").query(String.class).single())
                .isEqualTo("WAIVER_APPLICATION:300.00元");
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
