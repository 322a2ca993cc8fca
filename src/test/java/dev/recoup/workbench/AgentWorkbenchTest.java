package dev.recoup.workbench;

import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.strategy.StrategyCatalogue;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.browser.SettableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The workbench's pages over HTTP (MockMvc), on the same application and settable clock as the browser tests. */
@RecoupIntegrationTest
@Import(SettableClock.Configuration.class)
class AgentWorkbenchTest {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired SettableClock clock;
    @Autowired MessageTemplates templates;
    @Autowired StrategyCatalogue strategies;
    WorkbenchFixture cases;
    LocalDate today;

    @BeforeEach
    void zhangSanIsAgentOnesAndLiSiAgentTwos() {
        today = LocalDate.now(BEIJING);
        clock.atToday(10, 0);
        cases = new WorkbenchFixture(jdbc, runs, today);
    }

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    @Test
    void theQueuePutsMyCasesWithTasksDueFirstAndLeavesOutOtherAgentsCases() throws Exception {
        // 王五 owes less than 张三 (tier and amount would put him second) but has a call due today.
        long wang = cases.wangCase;
        jdbc.sql("""
                insert into task (case_id, type, step_key, due_on, due_at, queue, source, created_on)
                values (?, 'AGENT_CALL', 'test/call', ?, now(), 'phone-t2', 'test', ?)""").params(wang, today, today).update();
        String page = mvc.perform(get("/my-queue").with(agent())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("张三", "王五").doesNotContain("李四");
        assertThat(page.indexOf("王五")).isLessThan(page.indexOf("张三"));

        mvc.perform(get("/my-queue/next").param("after", String.valueOf(wang)).with(agent())).andExpect(redirectedUrl("/cases/" + cases.zhangCase));
        mvc.perform(get("/my-queue/next").param("after", String.valueOf(cases.zhangCase)).with(agent())).andExpect(redirectedUrl("/my-queue"));
    }

    @Test
    void aUserWhoIsNoAgentHasNoQueueButAManagerOpensAnyCase() throws Exception {
        mvc.perform(get("/my-queue").with(httpBasic("manager", "recoup-manager")))
                .andExpect(content().string(containsString("未关联催收员")));
        mvc.perform(get("/cases/{id}", cases.liCase).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("李四")));
    }

    @Test
    void anAgentCanNeitherOpenNorCallNorNoteAnotherAgentsCase() throws Exception {
        mvc.perform(get("/cases/{id}", cases.liCase).with(agent())).andExpect(status().isForbidden());
        mvc.perform(post("/cases/{id}/calls", cases.liCase).param("contactId", "1").with(agent()).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post("/cases/{id}/notes", cases.liCase).param("body", "x").with(agent()).with(csrf())).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from case_note").query(Long.class).single()).isZero();
    }

    @Test
    void theCasePageShowsAnAgentMaskedIdAndPhonesAndIsAudited() throws Exception {
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("110***********1234")))
                .andExpect(content().string(containsString("138****5678")))
                .andExpect(content().string(not(containsString(WorkbenchFixture.ZHANG_ID))))
                .andExpect(content().string(not(containsString(WorkbenchFixture.ZHANG_PHONE))))
                .andExpect(content().string(containsString("最近三次还款")))
                .andExpect(content().string(containsString("300.00")));
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'agent' and subject_type = 'case' and subject_id = ?")
                .param(String.valueOf(cases.zhangCase)).query(Long.class).single()).isPositive();
    }

    @Test
    void aCallAtHalfPastTenAtNightIsRefusedWithTheRuleAndTheNextMorningAndNothingIsRecorded() throws Exception {
        clock.atToday(22, 30);
        mvc.perform(post("/cases/{id}/calls", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone)).with(agent()).with(csrf()))
                .andExpect(flash().attribute("refusal", org.hamcrest.Matchers.hasEntry("nextAllowedAt", today.plusDays(1) + " 08:00")));
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from workbench_call").query(Long.class).single()).isZero();
    }

    @Test
    void theCallPanelHidesAmountsUntilTheNameAndTheLastFourOfTheIdMatch() throws Exception {
        call();
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent()))
                .andExpect(content().string(containsString("id=\"verify\"")))
                .andExpect(content().string(not(containsString("id=\"debt-detail\""))));
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();

        mvc.perform(post("/calls/{id}/verify", callId).param("name", "张三").param("idLast4", "9999").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("不符")));
        assertThat(jdbc.sql("select failed_verifications from workbench_call").query(Integer.class).single()).isEqualTo(1);
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent()))
                .andExpect(content().string(not(containsString("id=\"debt-detail\""))));

        mvc.perform(post("/calls/{id}/verify", callId).param("name", "张三").param("idLast4", "1234").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.verify.done"));
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent()))
                .andExpect(content().string(containsString("id=\"debt-detail\"")));
    }

    @Test
    void aPromiseIsNotTakenBeforeTheIdentityCheck() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "CONVERSATION_DEBTOR").param("disposition", "PROMISE_TO_PAY")
                        .param("promiseAmount", "500").param("promiseOn", today.plusDays(2).toString()).with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("identity check")));
        assertThat(jdbc.sql("select count(*) from promise").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select outcome from contact_attempt").query(String.class).optional()).isEmpty();
    }

    @Test
    void theDebtorsCauseOfDelinquencyIsRecordedWithTheCallAndShownOnTheCase() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/verify", callId).param("name", "张三").param("idLast4", "1234").with(agent()).with(csrf()));
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent())).andExpect(content().string(containsString("id=\"log-cause\"")));
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "CONVERSATION_DEBTOR").param("disposition", "FINANCIAL_HARDSHIP")
                        .param("cause", "JOB_LOSS").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.call.logged"));
        assertThat(jdbc.sql("select delinquency_cause from workbench_call").query(String.class).single()).isEqualTo("JOB_LOSS");
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent()))
                .andExpect(content().string(containsString("id=\"delinquency-cause\"")))
                .andExpect(content().string(containsString("逾期原因")))
                .andExpect(content().string(containsString("失业")));
        mvc.perform(get("/cases/{id}", cases.zhangCase).param("lang", "en").with(agent()))
                .andExpect(content().string(containsString("Cause of delinquency")))
                .andExpect(content().string(containsString("job loss")));
    }

    @Test
    void theCauseTheDebtorGaveReachesTheStrategyAsDelinquencyCause() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/verify", callId).param("name", "张三").param("idLast4", "1234").with(agent()).with(csrf()));
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "CONVERSATION_DEBTOR").param("disposition", "FINANCIAL_HARDSHIP")
                .param("cause", "INCOME_DROP").with(agent()).with(csrf()));

        strategies.create("causes", "按逾期原因", new StrategyDefinition("按逾期原因", "lost income first", List.of(
                new StrategyDefinition.Segment("lost-income", "收入问题", "Lost income", "delinquencyCause in ['JOB_LOSS', 'INCOME_DROP']",
                        "phone-t2", List.of()),
                new StrategyDefinition.Segment("rest", "其余", "Everyone else", "true", "robot-sms", List.of()))),
                null, "manager");
        strategies.activate("causes", 1, "manager", null);
        runs.runToCompletion(today, "test");

        assertThat(segmentOf(cases.zhangCase)).isEqualTo("lost-income");
        assertThat(segmentOf(cases.liCase)).as("no cause given").isEqualTo("rest");
    }

    private String segmentOf(long caseId) {
        return jdbc.sql("select segment_code from case_segment where case_id = ?").param(caseId).query(String.class).single();
    }

    @Test
    void aCauseOfDelinquencyIsNotTakenBeforeTheIdentityCheckAndAnUnknownOneIsRefusedByName() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "CONVERSATION_DEBTOR").param("disposition", "FINANCIAL_HARDSHIP")
                        .param("cause", "JOB_LOSS").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("identity check")));
        mvc.perform(post("/calls/{id}/verify", callId).param("name", "张三").param("idLast4", "1234").with(agent()).with(csrf()));
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "CONVERSATION_DEBTOR").param("disposition", "FINANCIAL_HARDSHIP")
                        .param("cause", "BAD_LUCK").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("cause")))
                .andExpect(flash().attribute("error", containsString("code")));
        assertThat(jdbc.sql("select count(*) from workbench_call where ended_at is null").query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select outcome from contact_attempt").query(String.class).optional()).isEmpty();
    }

    @Test
    void aCallNobodyAnsweredIsLoggedAsNotReachedInTheLedger() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "NO_ANSWER").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.call.logged"));
        assertThat(jdbc.sql("select outcome from contact_attempt").query(String.class).single()).isEqualTo("NO_ANSWER");
        assertThat(jdbc.sql("select disposition from workbench_call where ended_at is not null").query(String.class).single()).isEqualTo("NOT_REACHED");
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent())).andExpect(content().string(not(containsString("id=\"log-form\""))));
    }

    @Test
    void aRefusalToPayNeedsAConversation() throws Exception {
        call();
        long callId = jdbc.sql("select id from workbench_call").query(Long.class).single();
        mvc.perform(post("/calls/{id}/log", callId).param("outcome", "VOICEMAIL").param("disposition", "REFUSED_TO_PAY").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("disposition")));
        assertThat(jdbc.sql("select count(*) from workbench_call where ended_at is null").query(Long.class).single()).isOne();
    }

    @Test
    void anAgentAddsANoteAndABlankOneIsRefused() throws Exception {
        mvc.perform(post("/cases/{id}/notes", cases.zhangCase).param("body", "客户称下周一还款").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.note.added"));
        mvc.perform(post("/cases/{id}/notes", cases.zhangCase).param("body", "  ").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("note")));
        mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent())).andExpect(content().string(containsString("客户称下周一还款")));
        assertThat(jdbc.sql("select count(*) from case_note").query(Long.class).single()).isOne();
    }

    @Test
    void theSmsButtonQueuesAReminderThroughTheOutboxWhenTheGateAllows() throws Exception {
        templates.seedDefaults();
        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone)).with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.sms.queued"));
        assertThat(jdbc.sql("select count(*) from outbound_message where case_id = ? and channel = 'SMS'").param(cases.zhangCase)
                .query(Long.class).single()).isOne();

        clock.atToday(22, 30);
        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone)).with(agent()).with(csrf()))
                .andExpect(flash().attribute("refusal", org.hamcrest.Matchers.hasKey("reasons")));
    }

    @Test
    void anAgentAsksARelativeToPassOnACallBackRequestButCannotTextThemTheDebt() throws Exception {
        templates.seedDefaults();
        String page = mvc.perform(get("/cases/{id}", cases.zhangCase).with(agent())).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("name=\"templateCode\"", "value=\"sms.risk-warning\"", "value=\"sms.third-party-call-back\"");

        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangRelative))
                        .param("templateCode", "sms.reminder").with(agent()).with(csrf()))
                .andExpect(flash().attribute("refusal", org.hamcrest.Matchers.hasEntry(org.hamcrest.Matchers.is("reasons"),
                        org.hamcrest.Matchers.hasItem(containsString("CN-THIRD-PARTY")))));
        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isZero();

        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangRelative))
                        .param("templateCode", "sms.third-party-call-back").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.sms.queued"));
        String body = jdbc.sql("select body from outbound_message where contact_id = ?").param(cases.zhangRelative).query(String.class).single();
        assertThat(body).contains("张父", "张三").doesNotContain("元");
    }

    @Test
    void theDebtorIsTextedTheTemplateTheAgentChoseAndAnUnknownOneIsRefusedByName() throws Exception {
        templates.seedDefaults();
        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone))
                        .param("templateCode", "sms.invitation-to-negotiate").with(agent()).with(csrf()))
                .andExpect(flash().attribute("done", "workbench.sms.queued"));
        assertThat(jdbc.sql("select body from outbound_message where contact_id = ?").param(cases.zhangPhone).query(String.class).single())
                .contains("协商");
        mvc.perform(post("/cases/{id}/sms", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone))
                        .param("templateCode", "sms.lottery-win").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", "templateCode: not an SMS template in use"));
    }

    @Test
    void talkTracksAndLabelsFollowTheEnglishSwitch() throws Exception {
        call();
        mvc.perform(get("/cases/{id}", cases.zhangCase).param("lang", "en").with(agent()))
                .andExpect(content().string(containsString("I&#39;ll deal with it tomorrow")))
                .andExpect(content().string(containsString("Money is tight")))
                .andExpect(content().string(containsString("Check who is on the line")));
        mvc.perform(get("/cases/{id}", cases.zhangCase).param("lang", "zh-CN").with(agent()))
                .andExpect(content().string(containsString("已经还了")));
    }

    private void call() throws Exception {
        mvc.perform(post("/cases/{id}/calls", cases.zhangCase).param("contactId", String.valueOf(cases.zhangPhone)).with(agent()).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + cases.zhangCase + "#call"));
        assertThat(jdbc.sql("select count(*) from workbench_call").query(Long.class).single()).isOne();
    }

    private static RequestPostProcessor agent() {
        return httpBasic("agent", "recoup-agent");
    }
}
