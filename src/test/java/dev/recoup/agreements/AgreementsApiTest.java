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
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import java.time.LocalDate;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class AgreementsApiTest {

    @Autowired MockMvc mvc;
    @Autowired DailyRunService runs;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    AgreementsFixture fixture;
    LocalDate today;
    long zhang, li;

    @BeforeEach
    void twoCustomersWithOverdueLoans() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        today = clock.today();
        new PortfolioFixture(jdbc).customer("ZS").account("ZS-1", "ZS", today.minusDays(45).toString(), 6, 1000)
                .customer("LS").account("LS-1", "LS", today.minusDays(45).toString(), 6, 1000);
        fixture = new AgreementsFixture(jdbc);
        runs.runToCompletion(today, "test");
        zhang = fixture.caseOf("ZS");
        li = fixture.caseOf("LS");
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    private ResultActions call(MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(httpBasic("agent", "recoup-agent")).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long recordPromise(long caseId, String agentId, LocalDate on, long fen) throws Exception {
        String body = call(post("/api/v1/cases/{id}/promises", caseId), """
                {"promisedOn": "%s", "amountMinor": %d, "channel": "PHONE", "agentId": %s, "note": "发薪日还款"}"""
                .formatted(on, fen, agentId == null ? "null" : "\"" + agentId + "\""))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return Long.parseLong(body.replaceAll("(?s)^\\{\"id\":(\\d+),.*", "$1"));
    }

    @Test
    void aPaymentPostedThroughTheApiKeepsThePromiseAtOnce() throws Exception {
        long promise = recordPromise(zhang, null, today.plusDays(3), 1000_00);

        mvc.perform(post("/api/v1/payments").with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", "agr-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"ZS-1\", \"amountMinor\": 100000, \"channel\": \"bank\"}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/promises/{id}", promise).with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("KEPT"))
                .andExpect(jsonPath("$.judgedBy").value("PAYMENT"))
                .andExpect(jsonPath("$.paidMinor").value(100000))
                .andExpect(jsonPath("$.accountIds[0]").value("ZS-1"));
    }

    @Test
    void aPromiseWithoutAnAmountIsRefusedNamingTheField() throws Exception {
        call(post("/api/v1/cases/{id}/promises", zhang), "{\"promisedOn\": \"%s\", \"channel\": \"PHONE\"}".formatted(today.plusDays(1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("amountMinor"));
        call(post("/api/v1/cases/{id}/promises", zhang), "{\"promisedOn\": \"tomorrow\", \"amountMinor\": 100, \"channel\": \"PHONE\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("promisedOn"))
                .andExpect(jsonPath("$.value").value("tomorrow"));
        call(post("/api/v1/cases/{id}/promises", zhang), "{\"promisedOn\": \"%s\", \"amountMinor\": 100, \"channel\": \"PIGEON\"}".formatted(today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("channel"));
        call(post("/api/v1/cases/{id}/promises", 999_999), "{\"promisedOn\": \"%s\", \"amountMinor\": 100, \"channel\": \"PHONE\"}".formatted(today))
                .andExpect(status().isNotFound());
    }

    @Test
    void aSecondOpenPromiseOnTheCaseIsAConflict() throws Exception {
        recordPromise(zhang, null, today.plusDays(3), 1000_00);
        call(post("/api/v1/cases/{id}/promises", zhang), "{\"promisedOn\": \"%s\", \"amountMinor\": 100, \"channel\": \"PHONE\"}".formatted(today))
                .andExpect(status().isConflict());
    }

    @Test
    void theKeptRateIsReportedPerAgentAndPerTeam() throws Exception {
        fixture.agent("T-A", "A0001");
        fixture.agent("T-A", "A0002");
        new PortfolioFixture(jdbc).customer("WW").account("WW-1", "WW", today.minusDays(45).toString(), 6, 1000);
        runs.runToCompletion(today, "test");
        long wang = fixture.caseOf("WW");
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
        recordPromise(zhang, "A0001", today.plusDays(1), 1000_00);   // kept
        recordPromise(li, "A0001", today.plusDays(1), 1000_00);      // broken
        recordPromise(wang, "A0002", today.plusDays(1), 1000_00);    // partly kept
        fixture.payment("ZS-1", today.plusDays(1), 1000_00);
        fixture.payment("WW-1", today.plusDays(1), 300_00);
        runs.runToCompletion(today.plusDays(5), "test");

        String from = today.toString(), to = today.plusDays(10).toString();
        mvc.perform(get("/api/v1/promises/kept-rate").with(httpBasic("agent", "recoup-agent"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/promises/kept-rate").param("by", "agent").param("from", from).param("to", to).with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].key").value("A0001"))
                .andExpect(jsonPath("$[0].team").value("T-A"))
                .andExpect(jsonPath("$[0].made").value(2))
                .andExpect(jsonPath("$[0].kept").value(1))
                .andExpect(jsonPath("$[0].broken").value(1))
                .andExpect(jsonPath("$[0].keptRate").value(0.5))
                .andExpect(jsonPath("$[1].key").value("A0002"))
                .andExpect(jsonPath("$[1].partlyKept").value(1))
                .andExpect(jsonPath("$[1].keptRate").value(0.0));
        mvc.perform(get("/api/v1/promises/kept-rate").param("by", "team").param("from", from).param("to", to).with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].key").value("T-A"))
                .andExpect(jsonPath("$[0].made").value(3))
                .andExpect(jsonPath("$[0].paidMinor").value(130000))
                .andExpect(jsonPath("$[0].keptRate").value(1.0 / 3));
    }

    @Test
    void aCaseLeftOutOfKpisByAnApprovedWaiverDoesNotCountInTheKeptRate() throws Exception {
        fixture.agent("T-A", "A0001");
        recordPromise(zhang, "A0001", today.plusDays(1), 1000_00);   // kept
        recordPromise(li, "A0001", today.plusDays(1), 1000_00);      // broken, but the case is left out of KPIs
        fixture.payment("ZS-1", today.plusDays(1), 1000_00);
        long waiver = jdbc.sql("""
                insert into waiver (kind, case_id, account_id, penalty, reason, exclude_from_kpis, status, requested_by, requested_at)
                select 'WAIVER', c.id, a.id, 100, '失业', true, 'APPROVED', 'agent', now()
                from collection_case c join account a on a.customer_id = c.customer_id where c.id = ? limit 1 returning id""")
                .param(li).query(Long.class).single();
        jdbc.sql("insert into case_kpi_exclusion (case_id, waiver_id, reason, excluded_by, excluded_at) values (?, ?, '失业', 'lead', now())")
                .params(li, waiver).update();
        runs.runToCompletion(today.plusDays(5), "test");

        mvc.perform(get("/api/v1/promises/kept-rate").param("by", "agent").param("from", today.toString()).param("to", today.plusDays(10).toString())
                        .with(httpBasic("manager", "recoup-manager")))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].made").value(1))
                .andExpect(jsonPath("$[0].broken").value(0))
                .andExpect(jsonPath("$[0].keptRate").value(1.0));
    }

    @Test
    void theCalculatorAnswersASchedulePaidToTheFenWithItsLimitsAndAffordability() throws Exception {
        call(post("/api/v1/plans/calculate"), """
                {"totalMinor": 100000, "instalments": 13, "firstPaymentMinor": 10000, "startDate": "2027-01-31", "frequency": "MONTHLY",
                 "monthlyIncomeMinor": 800000, "monthlyExpensesMinor": 790000}""")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.schedule", hasSize(13)))
                .andExpect(jsonPath("$.schedule[0].amount").value(10000))
                .andExpect(jsonPath("$.schedule[1].amount").value(7500))
                .andExpect(jsonPath("$.schedule[1].dueOn").value("2027-02-28"))
                .andExpect(jsonPath("$.needsApproval").value(true))
                .andExpect(jsonPath("$.breaches[*].code").value(org.hamcrest.Matchers.containsInAnyOrder("TOO_MANY_INSTALMENTS", "FIRST_PAYMENT_TOO_SMALL")))
                .andExpect(jsonPath("$.affordability.verdict").value("WARN"))
                .andExpect(jsonPath("$.affordability.code").value("OVER_WARN_SHARE"));
        call(post("/api/v1/plans/calculate"), "{\"totalMinor\": 100000, \"instalments\": 0, \"startDate\": \"2027-01-31\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("instalments"));
    }

    @Test
    void aPlanCreatedThroughTheApiIsActiveAndCompletesWhenPaidThroughTheApi() throws Exception {
        call(post("/api/v1/cases/{id}/plans", zhang), """
                {"totalMinor": 200000, "instalments": 2, "startDate": "%s", "monthlyIncomeMinor": 800000, "monthlyExpensesMinor": 500000}"""
                .formatted(today))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.schedule[0].amountMinor").value(100000))
                .andExpect(jsonPath("$.schedule[0].state").value("DUE"));
        long plan = jdbc.sql("select id from plan where case_id = ?").param(zhang).query(Long.class).single();

        mvc.perform(post("/api/v1/payments").with(httpBasic("manager", "recoup-manager")).header("Idempotency-Key", "agr-plan-1")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"accountId\": \"ZS-1\", \"amountMinor\": 200000}"))
                .andExpect(status().isCreated());

        mvc.perform(get("/api/v1/plans/{id}", plan).with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.creditRestorationEligibleOn").value(today.toString()))
                .andExpect(jsonPath("$.schedule[1].state").value("PAID"));
        mvc.perform(get("/api/v1/credit-restorations").with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$[0].customerId").value("ZS"))
                .andExpect(jsonPath("$[0].eligibleOn").value(today.toString()));
    }

    @Test
    void anUnaffordablePlanIsRefusedWithTheReason() throws Exception {
        call(post("/api/v1/cases/{id}/plans", zhang), """
                {"totalMinor": 200000, "instalments": 4, "startDate": "%s", "monthlyIncomeMinor": 300000, "monthlyExpensesMinor": 300000}"""
                .formatted(today))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("affordability"))
                .andExpect(jsonPath("$.value").value("NO_DISPOSABLE_INCOME"));
    }

    @Test
    void aPlansInstalmentAgreementAndAPromisesCommitmentLetterAreStoredWithTheCase() throws Exception {
        call(post("/api/v1/cases/{id}/plans", zhang), """
                {"totalMinor": 200000, "instalments": 4, "startDate": "%s", "monthlyIncomeMinor": 800000, "monthlyExpensesMinor": 500000}"""
                .formatted(today)).andExpect(status().isCreated());
        long plan = jdbc.sql("select id from plan where case_id = ?").param(zhang).query(Long.class).single();
        long promise = recordPromise(li, null, today.plusDays(3), 800_00);

        call(post("/api/v1/plans/{id}/agreement", plan), "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("INSTALMENT_AGREEMENT"))
                .andExpect(jsonPath("$.caseId").value(zhang));
        call(post("/api/v1/promises/{id}/commitment-letter", promise), "").andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("REPAYMENT_COMMITMENT"));

        String variables = jdbc.sql("select variables::text from case_document where case_id = ? and kind = 'INSTALMENT_AGREEMENT'").param(zhang)
                .query(String.class).single();
        org.assertj.core.api.Assertions.assertThat(variables).contains("第4期").contains("500.00元").contains("2,000.00");
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select variables::text from case_document where case_id = ?").param(li)
                .query(String.class).single()).contains(today.plusDays(3).toString()).contains("800.00");
    }
}
