package dev.recoup.strategy.api;

import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class StrategyApiTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired ObjectMapper json;
    @Autowired MessageTemplates templates;

    @BeforeEach
    void empty() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
    }

    static String definition(String lateCondition) {
        return """
                {"name": "测试策略", "description": "two segments", "segments": [
                  {"code": "late", "nameZh": "逾期较长", "nameEn": "Late", "condition": %s, "queue": "phone-t2",
                   "steps": [{"key": "call", "type": "AGENT_CALL", "day": 0, "everyDays": 3},
                             {"key": "letter", "type": "LETTER", "day": 5, "everyDays": 0, "template": "letter.reminder"}]},
                  {"code": "early", "nameZh": "早期", "nameEn": "Early", "condition": "true", "queue": "robot-sms",
                   "steps": [{"key": "sms", "type": "SMS", "day": 0, "everyDays": 0, "template": "sms.reminder"}]}]}"""
                .formatted(quoted(lateCondition));
    }

    static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    MockHttpServletRequestBuilder asManager(MockHttpServletRequestBuilder request) {
        return request.with(httpBasic("manager", "recoup-manager")).contentType(MediaType.APPLICATION_JSON);
    }

    void createStrategy(String lateCondition) throws Exception {
        mvc.perform(asManager(post("/api/v1/strategies"))
                        .content("{\"code\": \"test\", \"name\": \"测试\", \"note\": \"first\", \"definition\": " + definition(lateCondition) + "}"))
                .andExpect(status().isCreated());
    }

    void addVersion(String lateCondition) throws Exception {
        mvc.perform(asManager(post("/api/v1/strategies/test/versions")).content("{\"definition\": " + definition(lateCondition) + "}"))
                .andExpect(status().isCreated());
    }

    @Test
    void savingAnInvalidConditionIsRefusedNamingSegmentLineAndColumn() throws Exception {
        mvc.perform(asManager(post("/api/v1/strategies"))
                        .content("{\"code\": \"test\", \"name\": \"测试\", \"definition\": " + definition("dpd > 30 &&\n  overdue > 100") + "}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:recoup:problem:invalid-strategy"))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].segment").value("late"))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].column").value(3))
                .andExpect(jsonPath("$.errors[0].message").value(startsWith("unknown attribute 'overdue'")))
                .andExpect(jsonPath("$.detail").value(containsString("segment late")));
        assertThat(jdbc.sql("select count(*) from strategy_version").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from strategy").query(Long.class).single()).isZero();
    }

    @Test
    void validatingListsEveryErrorAndSavesNothing() throws Exception {
        String twoBad = definition("dpdd > 3").replace("\"condition\": \"true\"", "\"condition\": \"tier > 2\"");
        mvc.perform(asManager(post("/api/v1/strategies/validate")).content(twoBad))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(false))
                .andExpect(jsonPath("$.errors.length()").value(2))
                .andExpect(jsonPath("$.errors[0].segment").value("late"))
                .andExpect(jsonPath("$.errors[1].segment").value("early"));
        mvc.perform(asManager(post("/api/v1/strategies/validate")).content(definition("dpd > 30")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.valid").value(true)).andExpect(jsonPath("$.segments").value(2));
        assertThat(jdbc.sql("select count(*) from strategy_version").query(Long.class).single()).isZero();
    }

    @Test
    void rollbackRestoresThePreviousVersion() throws Exception {
        createStrategy("dpd > 30");
        addVersion("dpd > 60");
        mvc.perform(asManager(post("/api/v1/strategies/test/versions/1/activate"))).andExpect(status().isOk());
        mvc.perform(asManager(post("/api/v1/strategies/test/versions/2/activate"))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/strategies/active").with(httpBasic("agent", "recoup-agent"))).andExpect(jsonPath("$.version").value(2));

        mvc.perform(asManager(post("/api/v1/strategies/rollback")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.active.version").value(1))
                .andExpect(jsonPath("$.active.kind").value("ROLLBACK"));

        mvc.perform(get("/api/v1/strategies/active").with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.definition.segments[0].condition").value("dpd > 30"));
        mvc.perform(get("/api/v1/strategies/test/versions").with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$[0].version").value(2)).andExpect(jsonPath("$[0].status").value("RETIRED"))
                .andExpect(jsonPath("$[1].version").value(1)).andExpect(jsonPath("$[1].status").value("ACTIVE"));
        mvc.perform(get("/api/v1/strategies/activations").with(httpBasic("agent", "recoup-agent")))
                .andExpect(jsonPath("$[*].kind").value(org.hamcrest.Matchers.contains("ROLLBACK", "ACTIVATE", "ACTIVATE")));
        // v1 was the first version ever activated: nothing before it.
        mvc.perform(asManager(post("/api/v1/strategies/rollback"))).andExpect(status().isConflict());
    }

    @Test
    void theDiffListsAChangedCondition() throws Exception {
        createStrategy("dpd > 30");
        addVersion("dpd > 60");

        mvc.perform(get("/api/v1/strategies/test/versions/1/diff/2").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.diff.segmentsChanged.length()").value(1))
                .andExpect(jsonPath("$.diff.segmentsChanged[0].code").value("late"))
                .andExpect(jsonPath("$.diff.segmentsChanged[0].changes[0].field").value("condition"))
                .andExpect(jsonPath("$.diff.segmentsChanged[0].changes[0].oldValue").value("dpd > 30"))
                .andExpect(jsonPath("$.diff.segmentsChanged[0].changes[0].newValue").value("dpd > 60"))
                .andExpect(jsonPath("$.text").value("~ segment late condition: \"dpd > 30\" → \"dpd > 60\"\n"));
    }

    @Test
    void previewCountsAndAmountsAddUpToTheOpenCasesAndWriteNothing() throws Exception {
        new PortfolioFixture(jdbc).customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000)
                .customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500)
                .customer("MM").account("MM-1", "MM", "2026-02-01", 6, 1000)
                .customer("ZS").account("ZS-1", "ZS", "2026-01-15", 6, 1000).payment("ZS-1", "2026-01-15", 1000);
        createStrategy("dpd > 30");
        addVersion("dpd > 5");
        mvc.perform(asManager(post("/api/v1/strategies/test/versions/1/activate"))).andExpect(status().isOk());
        runs.runToCompletion(LocalDate.parse("2026-02-11"), "test");
        var segmentsBefore = jdbc.sql("select * from case_segment order by case_id").query().listOfRows();

        String body = mvc.perform(post("/api/v1/strategies/test/versions/2/preview").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        JsonNode preview = json.readTree(body);
        long openCases = jdbc.sql("select count(*) from collection_case where status = 'OPEN'").query(Long.class).single();
        long overdue = jdbc.sql("""
                select sum(s.overdue_total) from collection_case c join customer_status s on s.customer_id = c.customer_id
                where c.status = 'OPEN' and s.run_id = (select max(id) from daily_run)""").query(Long.class).single();
        long cases = preview.path("unmatched").path("cases").asLong(), amount = preview.path("unmatched").path("overdueMinor").asLong();
        for (JsonNode s : preview.path("segments")) {
            cases += s.path("cases").asLong();
            amount += s.path("overdueMinor").asLong();
        }
        assertThat(preview.path("openCases").asLong()).isEqualTo(openCases).isEqualTo(cases).isEqualTo(3);
        assertThat(preview.path("overdueMinor").asLong()).isEqualTo(overdue).isEqualTo(amount);
        // Under v2 (dpd > 5) 王五 (208 days) and 马明 (10 days) are late, 李四 (1 day) is early.
        assertThat(preview.path("segments").get(0).path("cases").asLong()).isEqualTo(2);
        assertThat(preview.path("segments").get(0).path("overdueMinor").asLong()).isEqualTo(7 * 500_00 + 1000_00);
        assertThat(preview.path("segments").get(1).path("cases").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select * from case_segment order by case_id").query().listOfRows()).isEqualTo(segmentsBefore);
    }

    @Test
    void anAgentMayReadAndValidateButNotChangeStrategies() throws Exception {
        createStrategy("dpd > 30");
        mvc.perform(get("/api/v1/strategies").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isOk()).andExpect(jsonPath("$[0].code").value("test")).andExpect(jsonPath("$[0].versions[0].status").value("DRAFT"));
        mvc.perform(post("/api/v1/strategies/test/versions/1/activate").with(httpBasic("agent", "recoup-agent")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/strategies/test/versions").with(httpBasic("agent", "recoup-agent"))
                .contentType(MediaType.APPLICATION_JSON).content("{\"definition\": " + definition("dpd > 1") + "}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/experiments").with(httpBasic("agent", "recoup-agent"))
                .contentType(MediaType.APPLICATION_JSON).content("{}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/strategies/validate").with(httpBasic("agent", "recoup-agent"))
                .contentType(MediaType.APPLICATION_JSON).content(definition("dpd > 1"))).andExpect(status().isOk());
    }

    @Test
    void experimentPercentagesMustAddUpTo100() throws Exception {
        createStrategy("dpd > 30");
        long v1 = jdbc.sql("select id from strategy_version").query(Long.class).single();
        mvc.perform(asManager(post("/api/v1/experiments")).content("""
                        {"name": "x", "arms": [{"code": "A", "strategyVersionId": %d, "percent": 50},
                                               {"code": "B", "strategyVersionId": %d, "percent": 40}]}""".formatted(v1, v1)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("arms.percent"))
                .andExpect(jsonPath("$.value").value("90"));
        mvc.perform(asManager(post("/api/v1/experiments")).content("""
                        {"name": "x", "arms": [{"code": "A", "strategyVersionId": %d, "percent": 50},
                                               {"code": "B", "strategyVersionId": %d, "percent": 50}]}""".formatted(v1, v1)))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("RUNNING"));
        mvc.perform(asManager(post("/api/v1/experiments")).content("""
                        {"name": "y", "arms": [{"code": "A", "strategyVersionId": %d, "percent": 50},
                                               {"code": "B", "strategyVersionId": %d, "percent": 50}]}""".formatted(v1, v1)))
                .andExpect(status().isConflict());
    }

    @Test
    void theStrategiesPageShowsVersionsSegmentsAndEditorErrorsWithTheirPosition() throws Exception {
        createStrategy("dpd > 30");
        mvc.perform(get("/strategies").param("strategy", "test").param("version", "1").param("lang", "en").with(user("manager").roles("MANAGER")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("dpd &gt; 30")))
                .andExpect(content().string(containsString("robot-sms")))
                .andExpect(content().string(containsString("Activate")));
        mvc.perform(post("/strategies/validate").param("definition", definition("dpd > 30 &&\n  overdue > 1")).param("lang", "en")
                        .with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("unknown attribute")))
                .andExpect(content().string(containsString("segments[0].condition")));
        mvc.perform(post("/strategies/test/versions/1/activate").with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().isForbidden());
        var flash = mvc.perform(post("/strategies/test/versions/1/activate").with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap();
        mvc.perform(get("/strategies").param("lang", "en").flashAttrs(flash).with(user("manager").roles("MANAGER")))
                .andExpect(content().string(containsString("test v1 is now the active version")));
    }

    @Test
    void thePageShowsAPreviewADiffAndAnExperimentsReport() throws Exception {
        new PortfolioFixture(jdbc).customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500)
                .customer("MM").account("MM-1", "MM", "2026-02-01", 6, 1000);
        createStrategy("dpd > 30");
        addVersion("dpd > 5");
        mvc.perform(post("/strategies/test/versions/1/activate").with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        long v1 = jdbc.sql("select id from strategy_version where version = 1").query(Long.class).single();
        long v2 = jdbc.sql("select id from strategy_version where version = 2").query(Long.class).single();
        mvc.perform(post("/experiments").param("name", "快慢对比").param("armCode", "champion", "challenger", "")
                        .param("armVersion", String.valueOf(v1), String.valueOf(v2), String.valueOf(v1)).param("armPercent", "50", "50", "0")
                        .with(user("manager").roles("MANAGER")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        runs.runToCompletion(LocalDate.parse("2026-02-11"), "test");
        // The seed of an experiment started on the page is drawn at start: put one case in each arm.
        jdbc.sql("update case_experiment_arm set arm = case when case_id = (select min(case_id) from case_experiment_arm)"
                + " then 'champion' else 'challenger' end").update();

        mvc.perform(post("/strategies/preview").param("strategy", "test").param("version", "2").param("lang", "en")
                        .with(user("agent").roles("AGENT")).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no segment matched")))
                .andExpect(content().string(containsString("4,500.00")));
        mvc.perform(get("/strategies").param("strategy", "test").param("version", "2").param("diffFrom", "1").param("diffTo", "2")
                        .with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("~ segment late condition: &quot;dpd &gt; 30&quot; → &quot;dpd &gt; 5&quot;")));
        mvc.perform(get("/strategies").param("lang", "en").with(user("agent").roles("AGENT")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Report: 快慢对比")))
                .andExpect(content().string(containsString("95% confidence interval")))
                .andExpect(content().string(containsString("challenger − champion")));
    }
}
