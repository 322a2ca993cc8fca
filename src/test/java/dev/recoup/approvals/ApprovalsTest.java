package dev.recoup.approvals;

import dev.recoup.approvals.Approvals.NewApproval;
import dev.recoup.approvals.persistence.ApprovalService;
import dev.recoup.approvals.persistence.DecisionRefusedException;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
@RecordApplicationEvents
class ApprovalsTest {

    static final RequestPostProcessor LEAD = httpBasic("lead", "recoup-lead");
    static final RequestPostProcessor MANAGER = httpBasic("manager", "recoup-manager");
    static final RequestPostProcessor ADMIN = httpBasic("admin", "recoup-admin");
    static final RequestPostProcessor AGENT = httpBasic("agent", "recoup-agent");

    @Autowired JdbcClient jdbc;
    @Autowired ApprovalService approvals;
    @Autowired MockMvc mvc;
    @Autowired ApplicationEvents events;
    long caseId;

    @BeforeEach
    void anOpenCase() {
        TestDatabase.clean(jdbc);
        new PortfolioFixture(jdbc).customer("C1").account("A1", "C1", "2026-06-01", 6, 1000);
        caseId = jdbc.sql("""
                insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                select id, 'OPEN', date '2026-07-01', 0, date '2026-07-01' from customer where customer_ref = 'C1' returning id""").query(Long.class).single();
        // The demo team lead decides on its team's cases only (issue 6): the case is in its team.
        new dev.recoup.support.TeamFixture(jdbc).assign(caseId, dev.recoup.support.TeamFixture.LEAD_TEAM, dev.recoup.support.Assignments.DEMO_AGENT, 0);
    }

    Approvals.ApprovalRequest waiverOf(long subject, long yuan) {
        return approvals.request(new NewApproval("WAIVER", subject, caseId, yuan * 100, "减免罚息" + yuan + "元", "agent", "失业，困难证明已上传"));
    }

    @Test
    void aWaiverUpToTheThresholdNeedsOnlyTheTeamLead() {
        Approvals.ApprovalRequest small = waiverOf(1, 2000);
        assertThat(small.levelsRequired()).isEqualTo(1);

        approvals.decide(small.id(), "lead", Set.of("TEAM_LEAD"), true, "证明齐全");

        assertThat(approvals.find(small.id()).status()).isEqualTo(Approvals.Status.APPROVED);
        assertThat(events.stream(ApprovalDecided.class)).containsExactly(
                new ApprovalDecided(small.id(), "WAIVER", 1, caseId, true, "lead", "证明齐全"));
    }

    @Test
    void aLargerWaiverNeedsTheTeamLeadThenTheManagerAndIsDecidedOnlyAtTheLastLevel() {
        Approvals.ApprovalRequest large = waiverOf(2, 2000_01 / 100 + 1);
        assertThat(large.levelsRequired()).isEqualTo(2);

        ApprovalDetail afterLead = approvals.decide(large.id(), "lead", Set.of("TEAM_LEAD"), true, "属实");
        assertThat(afterLead.status()).isEqualTo(Approvals.Status.PENDING);
        assertThat(afterLead.nextLevelName()).isEqualTo("MANAGER");
        assertThat(events.stream(ApprovalDecided.class)).as("nothing is final after the first level").isEmpty();

        assertThatThrownBy(() -> approvals.decide(large.id(), "lead2", Set.of("TEAM_LEAD"), true, "ok"))
                .as("a team lead does not reach the manager level")
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(e.refusal().code()).isEqualTo("ROLE_NOT_ALLOWED"));

        ApprovalDetail done = approvals.decide(large.id(), "manager", Set.of("MANAGER"), true, "同意");
        assertThat(done.status()).isEqualTo(Approvals.Status.APPROVED);
        assertThat(done.decisions()).extracting(ApprovalDetail.Decision::decidedBy).containsExactly("lead", "manager");
        assertThat(events.stream(ApprovalDecided.class)).hasSize(1);
    }

    @Test
    void theSameManagerCannotApproveBothLevels() {
        Approvals.ApprovalRequest large = waiverOf(3, 5000);
        approvals.decide(large.id(), "manager", Set.of("MANAGER"), true, "代组长审批");

        assertThatThrownBy(() -> approvals.decide(large.id(), "manager", Set.of("MANAGER"), true, "再批一次"))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(e.refusal().code()).isEqualTo("ALREADY_DECIDED_A_LEVEL"));
        assertThat(approvals.find(large.id()).levelsApproved()).isEqualTo(1);

        approvals.decide(large.id(), "admin", Set.of("ADMIN"), true, "同意");
        assertThat(approvals.find(large.id()).status()).isEqualTo(Approvals.Status.APPROVED);
    }

    @Test
    void nobodyDecidesTheirOwnRequest() {
        Approvals.ApprovalRequest own = approvals.request(new NewApproval("WAIVER", 4, caseId, 100_00, "小额减免", "manager", "困难"));

        assertThatThrownBy(() -> approvals.decide(own.id(), "manager", Set.of("MANAGER"), true, "自批"))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(e.refusal().code()).isEqualTo("OWN_REQUEST"));
        assertThat(approvals.find(own.id()).status()).isEqualTo(Approvals.Status.PENDING);
    }

    @Test
    void aRejectionAtTheFirstLevelEndsTheRequestAndIsPublished() {
        Approvals.ApprovalRequest large = waiverOf(5, 9000);

        ApprovalDetail rejected = approvals.decide(large.id(), "lead", Set.of("TEAM_LEAD"), false, "证明不足");

        assertThat(rejected.status()).isEqualTo(Approvals.Status.REJECTED);
        assertThat(events.stream(ApprovalDecided.class)).containsExactly(
                new ApprovalDecided(large.id(), "WAIVER", 5, caseId, false, "lead", "证明不足"));
        assertThatThrownBy(() -> approvals.decide(large.id(), "manager", Set.of("MANAGER"), true, "同意"))
                .isInstanceOfSatisfying(DecisionRefusedException.class, e -> assertThat(e.refusal().code()).isEqualTo("NOT_PENDING"));
    }

    @Test
    void aRequestThatForgivesPrincipalNeedsTheManagerWhateverItsAmount() {
        Approvals.ApprovalRequest settlement = approvals.request(
                new NewApproval("WAIVER", 6, caseId, 10_00, "和解", "agent", "一次性结清", true));
        assertThat(settlement.levelsRequired()).isEqualTo(2);
    }

    @Test
    void anUnknownKindAndAMissingReasonAreRefusedNamingTheField() {
        assertThatThrownBy(() -> approvals.request(new NewApproval("GIFT", 7, caseId, 1, "x", "agent", "y")))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("kind"));
        Approvals.ApprovalRequest waiver = waiverOf(7, 10);
        assertThatThrownBy(() -> approvals.decide(waiver.id(), "lead", Set.of("TEAM_LEAD"), true, " "))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("reason"));
    }

    @Test
    void askingAgainWhilePendingReturnsTheSameRequestAndWithdrawingEndsIt() {
        Approvals.ApprovalRequest first = waiverOf(8, 100);
        Approvals.ApprovalRequest again = waiverOf(8, 100);
        assertThat(again.id()).isEqualTo(first.id());

        assertThat(approvals.withdraw(first.id(), "agent").status()).isEqualTo(Approvals.Status.WITHDRAWN);
        assertThatThrownBy(() -> approvals.withdraw(first.id(), "agent")).isInstanceOf(ConflictException.class);
        assertThat(waiverOf(8, 100).id()).as("after a withdrawal a new request can be made").isNotEqualTo(first.id());
        assertThat(events.stream(ApprovalDecided.class)).isEmpty();
    }

    @Test
    void theInboxShowsEachPersonWhatTheyMayDecideAndTheApiDecidesWithAReason() throws Exception {
        long small = waiverOf(9, 500).id();
        long large = waiverOf(10, 5000).id();

        mvc.perform(get("/api/v1/approvals/inbox").with(LEAD)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/approvals/inbox").with(AGENT)).andExpect(status().isOk()).andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", large).with(AGENT).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"ok\"}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("OWN_REQUEST"))
                .andExpect(jsonPath("$.reason_zh").value("不能审批自己提交的申请"));

        mvc.perform(post("/api/v1/approvals/{id}/decisions", large).with(LEAD).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"困难属实\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.levelsApproved").value(1))
                .andExpect(jsonPath("$.decisions[0].levelName").value("TEAM_LEAD"));

        mvc.perform(get("/api/v1/approvals/inbox").with(LEAD)).andExpect(jsonPath("$", hasSize(1))).andExpect(jsonPath("$[0].id").value(small));
        mvc.perform(get("/api/v1/approvals/inbox").with(MANAGER)).andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", large).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"MAYBE\", \"reason\": \"?\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("decision"));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", large).with(MANAGER).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"REJECT\", \"reason\": \"金额过大\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REJECTED"));
        mvc.perform(post("/api/v1/approvals/{id}/decisions", large).with(ADMIN).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"APPROVE\", \"reason\": \"x\"}"))
                .andExpect(status().isConflict());
        mvc.perform(get("/api/v1/approvals").param("status", "REJECTED").with(AGENT)).andExpect(jsonPath("$", hasSize(1)));
    }

    @Test
    void theApprovalsPageListsTheInboxForTheSignedInLeadWhoDecidesThereOnlyByAnExplicitChoice() throws Exception {
        long id = waiverOf(11, 300).id();
        var lead = org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user("lead").roles("TEAM_LEAD");
        mvc.perform(get("/approvals").with(lead))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("减免罚息300元")));

        mvc.perform(post("/approvals/{id}/decide", id).with(lead).with(csrf()).param("reason", "?"))
                .andExpect(status().is3xxRedirection());
        assertThat(approvals.find(id).status()).as("no decision without a choice").isEqualTo(Approvals.Status.PENDING);
        mvc.perform(post("/approvals/{id}/decide", id).with(lead).with(csrf()).param("decision", "APPROVE").param("reason", "属实"))
                .andExpect(status().is3xxRedirection());
        assertThat(approvals.find(id).status()).isEqualTo(Approvals.Status.APPROVED);
    }
}
