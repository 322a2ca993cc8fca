package dev.recoup.casework;

import dev.recoup.dailyrun.DailyRun;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class ReadApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired BusinessClock clock;

    @BeforeEach
    void portfolioAfterADailyRun() {
        TestDatabase.clean(jdbc);
        jdbc.sql("insert into customer (customer_ref, name, id_number) values ('C1', '李四', '11010519491231002X')").update();
        jdbc.sql("insert into contact (contact_ref, customer_id, role, phone) select 'CT1', id, 'self', '13812345678' from customer where customer_ref = 'C1'").update();
        new PortfolioFixture(jdbc).account("A1", "C1", "2026-01-10", 6, 2000).payment("A1", "2026-01-10", 2500)
                .customer("C2").account("A2", "C2", "2025-06-01", 3, 100);
        runs.runToCompletion(LocalDate.parse("2026-03-20"), "test");
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    @Test
    void anAccountShowsItsDelinquencyAndHowPaymentsPaidTheSchedule() throws Exception {
        mvc.perform(get("/api/v1/accounts/A1").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.account_id").value("A1"))
                .andExpect(jsonPath("$.customer_id").value("C1"))
                .andExpect(jsonPath("$.status.days_past_due").value(38))
                .andExpect(jsonPath("$.status.bucket").value("M2"))
                .andExpect(jsonPath("$.status.overdue_principal").value(350000))
                .andExpect(jsonPath("$.instalments[0].settled_on").value("2026-01-10"))
                .andExpect(jsonPath("$.instalments[1].paid").value(50000))
                .andExpect(jsonPath("$.instalments[1].unpaid").value(150000));
    }

    @Test
    void aCustomerShowsWorstStatusTierAndCasesWithPersonalDataInFullForAManager() throws Exception {
        mvc.perform(get("/api/v1/customers/C1").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id_number").value("11010519491231002X"))
                .andExpect(jsonPath("$.contacts[0].phone").value("13812345678"))
                .andExpect(jsonPath("$.status.tier").value("T2"))
                .andExpect(jsonPath("$.cases[0].status").value("OPEN"));
    }

    @Test
    void anAgentSeesTheIdNumberAndPhonesMasked() throws Exception {
        mvc.perform(get("/api/v1/customers/C1").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id_number").value("110***********002X"))
                .andExpect(jsonPath("$.contacts[0].phone").value("138****5678"));
    }

    @Test
    void casesFilterByTierAndBucket() throws Exception {
        mvc.perform(get("/api/v1/cases").param("tier", "T4").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.cases[0].customer_id").value("C2"))
                .andExpect(jsonPath("$.cases[0].bucket").value("M7+"));
        mvc.perform(get("/api/v1/cases").param("tier", "T2").param("bucket", "M2").with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.cases[0].customer_id").value("C1"));
    }

    @Test
    void aCaseShowsItsAccountsAndEvents() throws Exception {
        long caseId = jdbc.sql("select k.id from collection_case k join customer c on c.id = k.customer_id where c.customer_ref = 'C1'").query(Long.class).single();
        mvc.perform(get("/api/v1/cases/{id}", caseId).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.accounts[0].account_id").value("A1"))
                .andExpect(jsonPath("$.events[0].event").value("OPENED"))
                .andExpect(jsonPath("$.events[0].business_date").value("2026-03-20"))
                .andExpect(jsonPath("$.opened_on").value("2026-03-20"))
                .andExpect(jsonPath("$.status_now.worst_days_past_due").value(38));
    }

    @Test
    void anUnknownAccountIsAProblemDetailNamingIt() throws Exception {
        mvc.perform(get("/api/v1/accounts/NOPE").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value(containsString("NOPE")));
    }

    @Test
    void aBadTierIsRefusedNamingTheFieldAndValue() throws Exception {
        mvc.perform(get("/api/v1/cases").param("tier", "T9").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("tier"))
                .andExpect(jsonPath("$.value").value("T9"));
    }

    @Test
    void aDailyRunStartedThroughTheApiReportsProgressAndSteps() throws Exception {
        mvc.perform(post("/api/v1/daily-runs").contentType(MediaType.APPLICATION_JSON).content("{\"businessDate\":\"2026-03-21\"}")
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", containsString("/api/v1/daily-runs/")))
                .andExpect(jsonPath("$.businessDate").value("2026-03-21"));
        long id = jdbc.sql("select max(id) from daily_run").query(Long.class).single();
        // The run is COMPLETED before its last step (clean-up) is recorded: wait for both (under load the gap shows).
        for (int i = 0; i < 400 && ("RUNNING".equals(runs.find(id).status()) || jdbc.sql(
                "select count(*) from daily_run_step where run_id = ? and step = 'clean-up' and finished_at is not null").param(id)
                .query(Long.class).single() == 0); i++) {
            Thread.sleep(50);
        }
        mvc.perform(get("/api/v1/daily-runs/{id}", id).with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.progress.accountsDone").value(2))
                .andExpect(jsonPath("$.progress.accountsTotal").value(2))
                .andExpect(jsonPath("$.steps[*].step", org.hamcrest.Matchers.hasItems("prepare", "synchronise-cases", "apply-strategy", "summarise", "clean-up")))
                .andExpect(jsonPath("$.summary.openCases").value(2));
    }

    @Test
    void aDailyRunWithoutADateIsRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/v1/daily-runs").contentType(MediaType.APPLICATION_JSON).content("{\"businessDate\":\"22/11/2026\"}")
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("businessDate"))
                .andExpect(jsonPath("$.value").value("22/11/2026"));
    }

    @Test
    void aDailyRunForADayThatHasNotComeYetIsRefusedThroughTheApiAndThePage() throws Exception {
        String tomorrow = clock.today().plusDays(1).toString();
        long runsBefore = jdbc.sql("select count(*) from daily_run").query(Long.class).single();
        mvc.perform(post("/api/v1/daily-runs").contentType(MediaType.APPLICATION_JSON).content("{\"businessDate\":\"" + tomorrow + "\"}")
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("businessDate"))
                .andExpect(jsonPath("$.value").value(tomorrow))
                .andExpect(jsonPath("$.detail").value("must not be after today, " + clock.today()));
        mvc.perform(post("/daily-runs").param("businessDate", tomorrow).with(httpBasic("manager", "recoup-manager")).with(csrf()))
                .andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("error", "businessDate " + tomorrow + ": must not be after today, " + clock.today()));
        assertThat(jdbc.sql("select count(*) from daily_run").query(Long.class).single()).isEqualTo(runsBefore);
    }

    @Test
    void theFirstPageShowsTheLatestRunAndOpenCasesByTierAndBucket() throws Exception {
        mvc.perform(get("/").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-03-20")))
                .andExpect(content().string(containsString("四级 法律与资产处置")))
                .andExpect(content().string(containsString("id=\"tier-bucket\"")));
        mvc.perform(get("/").param("lang", "en").with(httpBasic("manager", "recoup-manager")))
                .andExpect(content().string(containsString("Open cases by tier and bucket")));
    }

    @Test
    void aManagerCanStartARunFromThePage() throws Exception {
        mvc.perform(post("/daily-runs").param("businessDate", "2026-03-22").with(httpBasic("manager", "recoup-manager")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long id = jdbc.sql("select max(id) from daily_run").query(Long.class).single();
        mvc.perform(get("/daily-runs/{id}/progress", id).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-03-22")));
        for (int i = 0; i < 200 && "RUNNING".equals(runs.find(id).status()); i++) {
            Thread.sleep(50);
        }
    }
}
