package dev.recoup.contact;

import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.util.Map;

import static dev.recoup.contact.ContactGateApiTest.agent;
import static dev.recoup.contact.ContactGateApiTest.manager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class TranscriptQaTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;
    @Autowired ObjectMapper json;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        settings.reload();
    }

    @Test
    void aTranscriptWithAThreatAndNoIdentityCheckPutsBothPassagesInTheReviewQueue() throws Exception {
        ContactFixture.Debtor debtor = new ContactFixture(jdbc).debtor("QA");
        long attempt = attempt(debtor.self(), "CONVERSATION_DEBTOR");
        String text = "坐席：你欠的钱什么时候还？我们是法院的，再不还就抓你去坐牢。\n客户：我下周还。";
        mvc.perform(post("/api/v1/contact-attempts/{id}/transcript", attempt).with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("text", text))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.findings[?(@.kind == 'MISSING_IDENTITY_CHECK')]", hasSize(1)))
                .andExpect(jsonPath("$.findings[?(@.category == 'IMPERSONATION')]").exists())
                .andExpect(jsonPath("$.findings[?(@.category == 'FALSE_LEGAL_CONSEQUENCE')]").exists());
        // Issue 6: the review queue is for compliance officers and managers (docs/permissions.md), no longer for agents.
        mvc.perform(get("/api/v1/qa/reviews").with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                        .httpBasic("compliance", "recoup-compliance")))
                .andExpect(jsonPath("$[0].attemptId").value(attempt))
                .andExpect(jsonPath("$[0].caseId").value(debtor.caseId()));
        long reviewId = jdbc.sql("select min(id) from qa_review").query(Long.class).single();
        mvc.perform(get("/qa").with(manager()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<mark>坐牢</mark>")))
                .andExpect(content().string(containsString("Debt detail before an identity check")));
        mvc.perform(post("/api/v1/qa/reviews/{id}/resolve", reviewId).with(agent()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"CONFIRMED\"}")).andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/qa/reviews/{id}/resolve", reviewId).with(manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decision\": \"CONFIRMED\", \"note\": \"已约谈坐席\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CONFIRMED")).andExpect(jsonPath("$.reviewedBy").value("manager"));
        mvc.perform(post("/api/v1/qa/reviews/{id}/resolve", reviewId).with(manager()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"DISMISSED\"}")).andExpect(status().isConflict());
        mvc.perform(post("/api/v1/contact-attempts/{id}/transcript", attempt).with(agent()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"again\"}")).andExpect(status().isConflict());
    }

    @Test
    void aPoliteVerifiedCallLeavesNothingToReviewAndAMessageHasNoTranscript() throws Exception {
        ContactFixture.Debtor debtor = new ContactFixture(jdbc).debtor("QB");
        long attempt = attempt(debtor.self(), "CONVERSATION_DEBTOR");
        mvc.perform(post("/api/v1/contact-attempts/{id}/transcript", attempt).with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(Map.of("text", "坐席：请问您是李明先生本人吗？\n客户：是。\n坐席：您的贷款逾期了，方便今天还款吗？",
                                "source", "SPEECH_TO_TEXT"))))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.findings", hasSize(0))).andExpect(jsonPath("$.source").value("SPEECH_TO_TEXT"));
        long sms = Long.parseLong(mvc.perform(post("/api/v1/contact-attempts").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"contactId": %d, "channel": "SMS", "at": "%s", "outcome": "DELIVERED"}""".formatted(debtor.self(), clock.now().minus(Duration.ofHours(1)))))
                .andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+),.*", "$1"));
        mvc.perform(post("/api/v1/contact-attempts/{id}/transcript", sms).with(agent()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"hello\"}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("attemptId"));
        mvc.perform(post("/api/v1/contact-attempts/{id}/transcript", 99999).with(agent()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"hello\"}")).andExpect(status().isNotFound());
    }

    long attempt(long contactId, String outcome) throws Exception {
        String body = mvc.perform(post("/api/v1/contact-attempts").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                        {"contactId": %d, "channel": "AGENT_CALL", "at": "%s", "outcome": "%s"}""".formatted(contactId, clock.now().minus(Duration.ofHours(1)), outcome)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
