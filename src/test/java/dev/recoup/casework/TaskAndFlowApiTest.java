package dev.recoup.casework;

import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
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
class TaskAndFlowApiTest {

    static final LocalDate FIRST_RUN = LocalDate.parse("2026-03-20");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired DailyRunService runs;
    @Autowired Tasks tasks;
    @Autowired BusinessClock clock;
    long caseId;
    long runId;

    @BeforeEach
    void anOverdueCustomerWithACase() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        new PortfolioFixture(jdbc).customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        runId = runs.runToCompletion(FIRST_RUN, "test").id();
        caseId = jdbc.sql("select id from collection_case").query(Long.class).single();
        // Issue 6: agents see their assigned cases only; the demo agent is given this test's open cases.
        dev.recoup.support.Assignments.openCasesToAgent(jdbc, dev.recoup.support.Assignments.DEMO_AGENT);
    }

    @Test
    void anAgentPutsATaskOnACaseCompletesItAndTheCaseShowsTheFollowUp() throws Exception {
        String today = clock.today().toString();
        postJson("/api/v1/cases/{id}/tasks", """
                {"type": "AGENT_CALL", "dueOn": "%s", "queue": "team-t2", "note": "下午回电"}""".formatted(today), caseId)
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/tasks/")))
                .andExpect(jsonPath("$.type").value("AGENT_CALL"))
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.source").value("agent"));
        long taskId = jdbc.sql("select id from task").query(Long.class).single();

        mvc.perform(get("/api/v1/tasks").param("queue", "team-t2").param("status", "OPEN").param("due-before", today).with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.tasks[0].id").value(taskId));

        postJson("/api/v1/tasks/{id}/complete", """
                {"outcome": "PROMISE_TO_PAY", "note": "周五前还 2000 元"}""", taskId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.onTime").value(true))
                .andExpect(jsonPath("$.outcome").value("PROMISE_TO_PAY"));

        mvc.perform(get("/api/v1/cases/{id}", caseId).with(agent()))
                .andExpect(jsonPath("$.flow_stage").value("NEGOTIATION"))
                .andExpect(jsonPath("$.task_stats.done").value(1))
                .andExpect(jsonPath("$.task_stats.done_on_time").value(1))
                .andExpect(jsonPath("$.task_stats.follow_ups").value(1));
        mvc.perform(get("/api/v1/cases/{id}/tasks", caseId).with(agent()))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].outcomeNote").value("周五前还 2000 元"));
    }

    @Test
    void theFlowShowsStageOwnerLimitAndEveryMoveAndAManagerMovesItWithAReason() throws Exception {
        mvc.perform(get("/api/v1/cases/{id}/flow", caseId).with(agent()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("CLASSIFIED"))
                .andExpect(jsonPath("$.ownerRole").value("system"))
                .andExpect(jsonPath("$.limitDays").value(1))
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.history", hasSize(2)));

        postJson("/api/v1/cases/{id}/flow", """
                {"to": "LEGAL", "reason": "拒不还款，转诉讼"}""", caseId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("LEGAL"))
                .andExpect(jsonPath("$.ownerRole").value("legal-officer"))
                .andExpect(jsonPath("$.daysInStage").value(0))
                .andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.history", hasSize(3)))
                .andExpect(jsonPath("$.history[2].from").value("CLASSIFIED"))
                .andExpect(jsonPath("$.history[2].movedBy").value("agent"))
                .andExpect(jsonPath("$.history[2].reason").value("拒不还款，转诉讼"));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndTheValue() throws Exception {
        String tomorrow = clock.today().plusDays(1).toString();
        expectInvalid(postJson("/api/v1/cases/{id}/tasks", "{\"type\": \"call me\", \"dueOn\": \"%s\", \"queue\": \"q\"}".formatted(tomorrow), caseId),
                "type", "call me");
        expectInvalid(postJson("/api/v1/cases/{id}/tasks", "{\"type\": \"AGENT_CALL\", \"dueOn\": \"31/12/2026\", \"queue\": \"q\"}", caseId),
                "dueOn", "31/12/2026");
        expectInvalid(postJson("/api/v1/cases/{id}/tasks", "{\"type\": \"AGENT_CALL\", \"dueOn\": \"2020-01-01\", \"queue\": \"q\"}", caseId),
                "dueOn", "2020-01-01");
        expectInvalid(postJson("/api/v1/cases/{id}/tasks", "{\"type\": \"AGENT_CALL\", \"dueOn\": \"%s\"}".formatted(tomorrow), caseId),
                "queue", null);
        expectInvalid(postJson("/api/v1/cases/{id}/flow", "{\"to\": \"HEAVEN\", \"reason\": \"x\"}", caseId), "to", "HEAVEN");
        expectInvalid(postJson("/api/v1/cases/{id}/flow", "{\"to\": \"LEGAL\", \"reason\": \"\"}", caseId), "reason", "");
        expectInvalid(mvc.perform(get("/api/v1/tasks").param("status", "LOST").with(agent())), "status", "LOST");

        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(caseId, "SMS", "M2/sms", FIRST_RUN, "robot", null, "strategy:1")).iterator());
        long taskId = jdbc.sql("select id from task").query(Long.class).single();
        expectInvalid(postJson("/api/v1/tasks/{id}/complete", "{\"outcome\": \"GREAT\"}", taskId), "outcome", "GREAT");
        expectInvalid(postJson("/api/v1/tasks/{id}/cancel", "{}", taskId), "reason", null);

        mvc.perform(get("/api/v1/cases/{id}/flow", 999_999).with(agent())).andExpect(status().isNotFound());
        postJson("/api/v1/tasks/{id}/cancel", "{\"reason\": \"重复任务\"}", taskId).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CANCELLED"));
        postJson("/api/v1/tasks/{id}/cancel", "{\"reason\": \"重复任务\"}", taskId).andExpect(status().isConflict());
    }

    @Test
    void theCasePageShowsTheFlowAndTasksAndMovesTheStage() throws Exception {
        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(caseId, "AGENT_CALL", "M2/call", FIRST_RUN, "team-t2", null, "strategy:1")).iterator());

        mvc.perform(get("/cases/{id}", caseId).with(agent()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("分类")))
                .andExpect(content().string(containsString("日终批处理立案")))
                .andExpect(content().string(containsString("人工电话")))
                .andExpect(content().string(containsString("id=\"flow-history\"")));
        mvc.perform(get("/cases/{id}", caseId).param("lang", "en").with(agent()))
                .andExpect(content().string(containsString("Case flow")))
                .andExpect(content().string(containsString("Agent call")));

        mvc.perform(post("/cases/{id}/flow", caseId).param("to", "NEGOTIATION").param("reason", "客户来电要求分期").with(agent()).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + caseId))
                .andExpect(flash().attribute("done", "case.moved"));
        mvc.perform(post("/cases/{id}/flow", caseId).param("to", "LEGAL").param("reason", "").with(agent()).with(csrf()))
                .andExpect(flash().attribute("error", containsString("reason")));

        long taskId = jdbc.sql("select id from task").query(Long.class).single();
        mvc.perform(post("/tasks/{id}/complete", taskId).param("outcome", "NO_ANSWER").param("note", "").with(agent()).with(csrf()))
                .andExpect(redirectedUrl("/cases/" + caseId));
        mvc.perform(get("/cases/{id}", caseId).with(agent()))
                .andExpect(content().string(containsString("客户来电要求分期")))
                .andExpect(content().string(containsString("无人接听")))
                .andExpect(content().string(containsString("逾时")));
    }

    @Test
    void theTasksPageListsAQueuesOpenTasks() throws Exception {
        tasks.createDue(runId, FIRST_RUN, List.of(new TaskDraft(caseId, "AGENT_CALL", "M2/call", FIRST_RUN, "team-t2", null, "strategy:1"),
                new TaskDraft(caseId, "SMS", "M2/sms", FIRST_RUN, "robot-sms", null, "strategy:1")).iterator());

        mvc.perform(get("/tasks").param("queue", "team-t2").with(agent()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("robot-sms")))
                .andExpect(content().string(containsString("队列 team-t2：1 个任务")))
                .andExpect(content().string(containsString("/cases/" + caseId)));
    }

    private ResultActions postJson(String url, String json, Object id) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(url, id)
                .contentType(MediaType.APPLICATION_JSON).content(json).with(agent()));
    }

    private static void expectInvalid(ResultActions result, String field, String value) throws Exception {
        result.andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.field").value(field))
                .andExpect(jsonPath("$.value").value(value));
    }

    private static org.springframework.test.web.servlet.request.RequestPostProcessor agent() {
        return httpBasic("agent", "recoup-agent");
    }
}
