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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class ContactGateApiTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;
    ContactFixture.Debtor debtor;

    @BeforeEach
    void aDebtorWithAnOpenCase() {
        TestDatabase.clean(jdbc);
        settings.reload();
        debtor = new ContactFixture(jdbc).debtor("GATE");
    }

    @Test
    void aCallAt2230BeijingTimeIsRefusedNamingQuietHoursWithNextAllowedAt0800() throws Exception {
        decide(debtor.self(), "AGENT_CALL", "2026-11-24T22:30:00+08:00", "COLLECTION")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.pack").value("CN"))
                .andExpect(jsonPath("$.caseId").value(debtor.caseId()))
                .andExpect(jsonPath("$.rules", hasSize(1)))
                .andExpect(jsonPath("$.rules[0].id").value("CN-QUIET-HOURS"))
                .andExpect(jsonPath("$.rules[0].reasonZh", containsString("22:30")))
                .andExpect(jsonPath("$.rules[0].reasonEn", containsString("22:30")))
                .andExpect(jsonPath("$.nextAllowedAt").value("2026-11-25T00:00:00Z"));
        decide(debtor.self(), "AGENT_CALL", "2026-11-25T08:00:00+08:00", "COLLECTION")
                .andExpect(jsonPath("$.allowed").value(true))
                .andExpect(jsonPath("$.rules", hasSize(0)));
    }

    @Test
    void theSixthCallOfTheDayIsRefused() throws Exception {
        ZonedDateTime yesterday = clock.today().minusDays(1).atTime(9, 0).atZone(BEIJING);
        for (int hour = 0; hour < 5; hour++) {
            postJson("/api/v1/contact-attempts", """
                    {"contactId": %d, "channel": "%s", "at": "%s", "outcome": "NO_ANSWER"}"""
                    .formatted(debtor.self(), hour % 2 == 0 ? "AGENT_CALL" : "ROBOT_CALL", yesterday.plusHours(hour).toOffsetDateTime()))
                    .andExpect(status().isCreated())
                    .andExpect(jsonPath("$.caseId").value(debtor.caseId()))
                    .andExpect(jsonPath("$.endpoint").value(containsString("****")));
        }
        decide(debtor.self(), "AGENT_CALL", yesterday.plusHours(6).toOffsetDateTime().toString(), "COLLECTION")
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.rules[0].id").value("CN-DAILY-CALL-CAP"))
                .andExpect(jsonPath("$.rules[0].reasonEn", containsString("5 calls")))
                .andExpect(jsonPath("$.nextAllowedAt").value(clock.today().atTime(8, 0).atZone(BEIJING).toInstant().toString()));
        // A text message is no call: the cap does not stop it.
        decide(debtor.self(), "SMS", yesterday.plusHours(6).toOffsetDateTime().toString(), "PAYMENT_REMINDER")
                .andExpect(jsonPath("$.allowed").value(true));
        mvc.perform(get("/api/v1/cases/{id}/contacts", debtor.caseId()).with(manager()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].outcome").value("NO_ANSWER"));
        mvc.perform(get("/api/v1/contacts/{id}/attempts", debtor.self()).with(agent()))
                .andExpect(jsonPath("$", hasSize(5)))
                .andExpect(jsonPath("$[0].endpoint", containsString("****")));
    }

    @Test
    void anAgentWhoDoesNotHoldTheCaseCannotRecordContactOnIt() throws Exception {
        String attempt = """
                {"contactId": %d, "channel": "AGENT_CALL", "at": "%s", "outcome": "NO_ANSWER"}"""
                .formatted(debtor.self(), clock.today().minusDays(1).atTime(10, 0).atZone(BEIJING).toOffsetDateTime());
        mvc.perform(post("/api/v1/contact-attempts").with(httpBasic("agent2", "recoup-agent2")).contentType(MediaType.APPLICATION_JSON).content(attempt))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/contact-attempts").with(httpBasic("agent2", "recoup-agent2")).contentType(MediaType.APPLICATION_JSON)
                        .content(attempt.replace("{", "{\"caseId\": %d, ".formatted(debtor.caseId()))))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isZero();
        postJson("/api/v1/contact-attempts", attempt).andExpect(status().isCreated());
    }

    @Test
    void aThirdPartyIsNeverPressedForTheDebtButMayBeAskedToPassOnACallBackRequest() throws Exception {
        decide(debtor.relative(), "AGENT_CALL", "2026-11-24T10:30:00+08:00", "COLLECTION")
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.contactRole").value("relative"))
                .andExpect(jsonPath("$.rules[*].id", hasItem("CN-THIRD-PARTY-PURPOSE")))
                .andExpect(jsonPath("$.rules[*].id", hasItem("CN-THIRD-PARTY-NO-DEBT")))
                .andExpect(jsonPath("$.nextAllowedAt").doesNotExist());
        decide(debtor.relative(), "AGENT_CALL", "2026-11-24T10:30:00+08:00", "CALL_BACK_REQUEST")
                .andExpect(jsonPath("$.allowed").value(true));
    }

    @Test
    void aHoldRecordedOnReceiptStopsTheVeryNextDecisionAndLiftingItAllowsContactAgain() throws Exception {
        long holdId = Long.parseLong(postJson("/api/v1/contact-holds", """
                {"level": "CASE", "caseId": %d, "kind": "LAWYER", "note": "律师函已收到"}""".formatted(debtor.caseId()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("ATTORNEY_REPRESENTS"))
                .andExpect(jsonPath("$.activeNow").value(true))
                .andReturn().getResponse().getContentAsString().replaceAll(".*\"id\":(\\d+).*", "$1"));
        // The very next decision: asked after the hold was recorded (a time taken before it could fall in the
        // second before the hold's receipt on a slow machine).
        String now = clock.now().toString();
        decide(debtor.self(), "SMS", now, "PAYMENT_REMINDER")
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.rules[*].id", hasItem("CN-HOLD-LAWYER")))
                .andExpect(jsonPath("$.nextAllowedAt").doesNotExist());
        mvc.perform(post("/api/v1/contact-holds/{id}/lift", holdId).with(agent()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/contact-holds/{id}/lift", holdId).with(manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"律师撤回委托\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.activeNow").value(false));
        decide(debtor.self(), "SMS", clock.now().plusSeconds(1).toString(), "PAYMENT_REMINDER")
                .andExpect(jsonPath("$.rules[*].id", org.hamcrest.Matchers.not(hasItem("CN-HOLD-LAWYER"))));
        mvc.perform(get("/api/v1/cases/{id}/holds", debtor.caseId()).with(agent()))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].liftReason").value("律师撤回委托"));
    }

    @Test
    void aConsentWithATimeWindowOpensQuietHoursOnItsDaysOnly() throws Exception {
        // 2026-11-24 is a Tuesday.
        postJson("/api/v1/contacts/{id}/consents", """
                {"channels": ["AGENT_CALL"], "days": ["TUESDAY"], "windowStart": "22:00", "windowEnd": "23:00", "receivedAt": "2026-11-20T10:00:00+08:00",
                 "note": "本人：周二晚上十点后再打"}""", debtor.self())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.days[0]").value(2));
        decide(debtor.self(), "AGENT_CALL", "2026-11-24T22:30:00+08:00", "COLLECTION").andExpect(jsonPath("$.allowed").value(true));
        decide(debtor.self(), "AGENT_CALL", "2026-11-25T22:30:00+08:00", "COLLECTION")
                .andExpect(jsonPath("$.allowed").value(false))
                .andExpect(jsonPath("$.rules[0].id").value("CN-QUIET-HOURS"));
    }

    @Test
    void aProductOverrideWithAStricterCapTakesEffectAtOnceAndALooserOneIsRefused() throws Exception {
        mvc.perform(put("/api/v1/contact-settings/consumer_loan").with(manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pack\": \"CN\", \"parameters\": {\"callsPerContactPerDay\": 2}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.pack").value("CN"));
        mvc.perform(put("/api/v1/contact-settings/consumer_loan").with(manager()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pack\": \"CN\", \"parameters\": {\"quietHours\": \"23:00-07:00\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.field").value("quietHours"));
        mvc.perform(put("/api/v1/contact-settings/consumer_loan").with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"pack\": \"CN\"}"))
                .andExpect(status().isForbidden());
        ZonedDateTime yesterday = clock.today().minusDays(1).atTime(9, 0).atZone(BEIJING);
        for (int i = 0; i < 2; i++) {
            postJson("/api/v1/contact-attempts", """
                    {"contactId": %d, "channel": "AGENT_CALL", "at": "%s", "outcome": "BUSY"}""".formatted(debtor.self(), yesterday.plusHours(i).toOffsetDateTime()))
                    .andExpect(status().isCreated());
        }
        decide(debtor.self(), "AGENT_CALL", yesterday.plusHours(3).toOffsetDateTime().toString(), "COLLECTION")
                .andExpect(jsonPath("$.rules[0].id").value("CN-DAILY-CALL-CAP"))
                .andExpect(jsonPath("$.rules[0].reasonEn", containsString("limit is 2")));
        mvc.perform(get("/api/v1/contact-settings").with(agent()))
                .andExpect(jsonPath("$[?(@.scope == 'consumer_loan')].parameters.callsPerContactPerDay").value(2));
    }

    @Test
    void theCallButtonRecordsAPendingCallWhenAllowedAndRefusesWithEveryReasonWhenNot() throws Exception {
        // Consents covering the whole day, so the test does not depend on the hour it runs at.
        for (String window : new String[]{"\"windowStart\": \"00:00\", \"windowEnd\": \"12:00\"", "\"windowStart\": \"12:00\", \"windowEnd\": \"00:00\""}) {
            postJson("/api/v1/contacts/{id}/consents", "{" + window + ", \"receivedAt\": \"2026-01-01T00:00:00+08:00\"}", debtor.self())
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/v1/cases/{id}/calls", debtor.caseId()).with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactId\": %d}".formatted(debtor.self())))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.via").value("CALL_BUTTON"))
                .andExpect(jsonPath("$.pending").value(true))
                .andExpect(jsonPath("$.madeBy").value("agent"));
        mvc.perform(post("/api/v1/cases/{id}/calls", debtor.caseId()).with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactId\": %d}".formatted(debtor.relative())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value("urn:recoup:problem:contact-refused"))
                .andExpect(jsonPath("$.rules[*].id", hasItem("CN-THIRD-PARTY-PURPOSE")));
        jdbc.sql("insert into contact_hold (level, customer_id, case_id, kind, effective_from, placed_by, placed_at) values ('CASE', ?, ?, 'DISPUTE_OPEN', now(), 't', now())")
                .params(debtor.customerId(), debtor.caseId()).update();
        mvc.perform(post("/api/v1/cases/{id}/calls", debtor.caseId()).with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"contactId\": %d}".formatted(debtor.self())))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.rules[0].id").value("CN-HOLD-DISPUTE"));
        org.assertj.core.api.Assertions.assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badQuestionsAreRefusedNamingTheFieldAndUnknownPeopleAreNotFound() throws Exception {
        decide(debtor.self(), "PIGEON", "2026-11-24T10:00:00+08:00", "COLLECTION")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("channel")).andExpect(jsonPath("$.value").value("PIGEON"));
        decide(debtor.self(), "SMS", "next tuesday", "COLLECTION")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("at"));
        decide(987654, "SMS", "2026-11-24T10:00:00+08:00", "COLLECTION").andExpect(status().isNotFound());
        postJson("/api/v1/contact-attempts", "{\"contactId\": 987654, \"channel\": \"SMS\", \"at\": \"2026-01-01T10:00:00+08:00\"}")
                .andExpect(status().isNotFound());
        postJson("/api/v1/contact-attempts", "{\"contactId\": %d, \"channel\": \"SMS\", \"at\": \"2026-01-01T10:00:00+08:00\", \"outcome\": \"MAYBE\"}"
                .formatted(debtor.self()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("outcome")).andExpect(jsonPath("$.value").value("MAYBE"));
        postJson("/api/v1/contact-attempts", "{\"contactId\": %d, \"channel\": \"SMS\", \"at\": \"2099-01-01T10:00:00+08:00\"}".formatted(debtor.self()))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("at"));
        ContactFixture.Debtor other = new ContactFixture(jdbc).debtor("OTHER");
        mvc.perform(post("/api/v1/contact-decisions").with(agent()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseId\": %d, \"contactId\": %d, \"channel\": \"SMS\"}".formatted(other.caseId(), debtor.self())))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.field").value("contactId"));
    }

    ResultActions decide(long contactId, String channel, String at, String purpose) throws Exception {
        return mvc.perform(post("/api/v1/contact-decisions").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"caseId": %d, "contactId": %d, "channel": "%s", "at": "%s", "purpose": "%s"}""".formatted(debtor.caseId(), contactId, channel, at, purpose)));
    }

    ResultActions postJson(String url, String body, Object... vars) throws Exception {
        return mvc.perform(post(url, vars).with(agent()).contentType(MediaType.APPLICATION_JSON).content(body));
    }

    static RequestPostProcessor agent() {
        return httpBasic("agent", "recoup-agent");
    }

    static RequestPostProcessor manager() {
        return httpBasic("manager", "recoup-manager");
    }

    static LocalDate unused() {
        return null;
    }
}
