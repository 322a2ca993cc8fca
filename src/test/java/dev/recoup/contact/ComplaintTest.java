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
import org.springframework.test.web.servlet.ResultActions;

import java.time.Duration;

import static dev.recoup.contact.ContactGateApiTest.agent;
import static dev.recoup.contact.ContactGateApiTest.manager;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class ComplaintTest {

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;
    ContactFixture.Debtor debtor;

    @BeforeEach
    void aDebtorWithAnOpenCase() {
        TestDatabase.clean(jdbc);
        settings.reload();
        debtor = new ContactFixture(jdbc).debtor("CMP");
    }

    @Test
    void aComplaintPutsAHoldThatRefusesContactAndClosingItLiftsTheHold() throws Exception {
        long id = id(postJson("/api/v1/complaints", """
                {"caseId": %d, "channel": "PHONE", "category": "HARASSMENT", "text": "一天打了十几个电话，还打给我同事"}""".formatted(debtor.caseId()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.secondsLeft", greaterThan(23 * 3600)))
                .andExpect(jsonPath("$.overdue").value(false)));
        // E-mail is not closed by quiet hours, so only the hold can refuse it whatever the hour.
        decide("EMAIL", "COLLECTION")
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.rules[0].id").value("CN-HOLD-COMPLAINT"))
                .andExpect(jsonPath("$.nextAllowedAt").doesNotExist());
        decide("EMAIL", "COMPLAINT_RESPONSE").andExpect(jsonPath("$.allowed").value(true));
        mvc.perform(get("/api/v1/cases/{id}/holds", debtor.caseId()).with(agent()))
                .andExpect(jsonPath("$[0].kind").value("COMPLAINT_OPEN"))
                .andExpect(jsonPath("$[0].complaintId").value(id))
                .andExpect(jsonPath("$[0].activeNow").value(true));
        long holdId = jdbc.sql("select hold_id from complaint where id = ?").param(id).query(Long.class).single();
        mvc.perform(post("/api/v1/contact-holds/{id}/lift", holdId).with(manager()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/v1/complaints/{id}/close", id).with(agent()).contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/complaints/{id}/close", id).with(manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"UPHELD\", \"resolution\": \"已致歉，调整外呼频次\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.outcome").value("UPHELD"));
        decide("EMAIL", "COLLECTION").andExpect(jsonPath("$.allowed").value(true));
        mvc.perform(post("/api/v1/complaints/{id}/close", id).with(manager()).contentType(MediaType.APPLICATION_JSON).content("{\"outcome\":\"UPHELD\"}"))
                .andExpect(status().isConflict());
    }

    @Test
    void aComplaintUnansweredFor24HoursIsOverdueAndEscalatedOnceAndTheQueueShowsIt() throws Exception {
        String received = clock.now().minus(Duration.ofHours(25)).toString();
        long late = id(postJson("/api/v1/complaints", """
                {"caseId": %d, "channel": "REGULATOR", "category": "IMPERSONATION", "text": "自称法院工作人员", "receivedAt": "%s"}"""
                .formatted(debtor.caseId(), received)).andExpect(status().isCreated()).andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.secondsLeft", lessThan(0))));
        long fresh = id(postJson("/api/v1/complaints", """
                {"caseId": %d, "channel": "SMS", "category": "WRONG_AMOUNT", "text": "金额不对"}""".formatted(debtor.caseId())));
        mvc.perform(post("/api/v1/complaints/escalations").with(agent())).andExpect(jsonPath("$.escalated").value(1));
        mvc.perform(post("/api/v1/complaints/escalations").with(agent())).andExpect(jsonPath("$.escalated").value(0));
        mvc.perform(get("/api/v1/complaints/{id}", late).with(agent())).andExpect(jsonPath("$.escalatedAt").exists());
        mvc.perform(get("/api/v1/complaints/{id}", fresh).with(agent())).andExpect(jsonPath("$.escalatedAt").doesNotExist());
        mvc.perform(get("/api/v1/complaints").with(agent()))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[0].id").value(late));
        mvc.perform(get("/api/v1/complaints/stats").with(agent()))
                .andExpect(jsonPath("$.open").value(2)).andExpect(jsonPath("$.overdue").value(1)).andExpect(jsonPath("$.escalatedOpen").value(1));

        postJson("/api/v1/complaints/" + fresh + "/assign", "{\"assignee\": \"manager\"}").andExpect(jsonPath("$.assignee").value("manager"));
        postJson("/api/v1/complaints/" + fresh + "/respond", "{\"note\": \"已电话回复，核对账单\"}")
                .andExpect(jsonPath("$.firstResponseAt").exists()).andExpect(jsonPath("$.overdue").value(false))
                .andExpect(jsonPath("$.secondsLeft").doesNotExist());
        postJson("/api/v1/complaints/" + fresh + "/respond", "{\"note\": \"again\"}").andExpect(status().isConflict());

        mvc.perform(get("/complaints").with(manager()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("自称法院工作人员")))
                .andExpect(content().string(containsString("overdue by 1 h")))
                .andExpect(content().string(containsString("escalated")));
        mvc.perform(get("/complaints").with(manager()).param("lang", "zh-CN"))
                .andExpect(content().string(containsString("已超时 1 小时")));
    }

    @Test
    void aComplaintNeedsACaseAChannelACategoryAndWords() throws Exception {
        postJson("/api/v1/complaints", "{\"caseId\": 99999, \"channel\": \"PHONE\", \"category\": \"OTHER\", \"text\": \"x\"}").andExpect(status().isNotFound());
        postJson("/api/v1/complaints", "{\"caseId\": %d, \"channel\": \"FAX\", \"category\": \"OTHER\", \"text\": \"x\"}".formatted(debtor.caseId()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("channel")).andExpect(jsonPath("$.value").value("FAX"));
        postJson("/api/v1/complaints", "{\"caseId\": %d, \"channel\": \"PHONE\", \"category\": \"OTHER\", \"text\": \" \"}".formatted(debtor.caseId()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("text"));
    }

    ResultActions decide(String channel, String purpose) throws Exception {
        return mvc.perform(post("/api/v1/contact-decisions").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"caseId": %d, "contactId": %d, "channel": "%s", "at": "%s", "purpose": "%s"}"""
                .formatted(debtor.caseId(), debtor.self(), channel, clock.now().plusSeconds(1), purpose)));
    }

    ResultActions postJson(String url, String body) throws Exception {
        return mvc.perform(post(url).with(agent()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static long id(ResultActions result) throws Exception {
        return Long.parseLong(result.andReturn().getResponse().getContentAsString().replaceAll("^\\{\"id\":(\\d+),.*", "$1").replaceAll("(?s)\\D.*", ""));
    }
}
