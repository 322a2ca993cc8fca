package dev.recoup.agreements;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class AgreementsPagesTest {

    @Autowired MockMvc mvc;
    @Autowired DailyRunService runs;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    LocalDate today;
    long zhang;

    @BeforeEach
    void zhangSanOwesTwoThousandYuan() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        today = clock.today();
        new PortfolioFixture(jdbc).customer("ZS").account("ZS-1", "ZS", today.minusDays(45).toString(), 6, 1000);
        runs.runToCompletion(today, "test");
        zhang = new AgreementsFixture(jdbc).caseOf("ZS");
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    @Test
    void anAgentRecordsAPromiseOnThePageInYuanAndSeesItListed() throws Exception {
        mvc.perform(post("/promises").param("caseId", String.valueOf(zhang)).param("promisedOn", today.plusDays(2).toString())
                        .param("amount", "1,234.50").param("channel", "PHONE").param("note", "月底发工资").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "promise.done.recorded"));
        assertThat(jdbc.sql("select amount from promise where case_id = ?").param(zhang).query(Long.class).single()).isEqualTo(1234_50L);

        mvc.perform(get("/promises").param("lang", "zh-CN").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("承诺还款")))
                .andExpect(content().string(containsString("1,234.50")))
                .andExpect(content().string(containsString("待兑现")));
    }

    @Test
    void aBadAmountOnThePageIsShownAsAnErrorAndRecordsNothing() throws Exception {
        mvc.perform(post("/promises").param("caseId", String.valueOf(zhang)).param("promisedOn", today.toString())
                        .param("amount", "十元").param("channel", "PHONE").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(flash().attribute("error", containsString("amount")));
        assertThat(jdbc.sql("select count(*) from promise").query(Long.class).single()).isZero();
    }

    @Test
    void theCalculatorPageShowsTheScheduleTheLimitsAndAffordability() throws Exception {
        mvc.perform(post("/plans/calculate").param("total", "1000").param("instalments", "13").param("firstPayment", "100")
                        .param("startDate", "2027-01-31").param("frequency", "MONTHLY").param("income", "8000").param("expenses", "7900")
                        .param("lang", "en").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("13 instalments, more than the limit of 12")))
                .andExpect(content().string(containsString("2027-02-28")))
                .andExpect(content().string(containsString("75.00")))
                .andExpect(content().string(containsString("Warning: the regular instalment")));
    }

    @Test
    void aPlanCreatedOnThePageOpensItsOwnPageWithTheSchedule() throws Exception {
        mvc.perform(post("/plans").param("caseId", String.valueOf(zhang)).param("instalments", "4").param("startDate", today.toString())
                        .param("frequency", "MONTHLY").param("income", "8000").param("expenses", "5000").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrlPattern("/plans/*"));
        long plan = jdbc.sql("select id from plan").query(Long.class).single();

        mvc.perform(get("/plans/{id}", plan).param("lang", "zh-CN").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("履约中")))
                .andExpect(content().string(containsString("500.00")))
                .andExpect(content().string(containsString("2,000.00")));
        mvc.perform(get("/plans").param("lang", "en").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Active")));

        mvc.perform(post("/plans/{id}/agreement", plan).with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(redirectedUrlPattern("/cases/*/documents"))
                .andExpect(flash().attribute("done", "plan.done.agreement"));
        assertThat(jdbc.sql("select count(*) from case_document where case_id = ? and kind = 'INSTALMENT_AGREEMENT'").param(zhang)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theKeptRatePageShowsAgentsAndTeams() throws Exception {
        mvc.perform(get("/promises/kept-rate").param("lang", "en").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("By agent")))
                .andExpect(content().string(containsString("By team")));
    }
}
