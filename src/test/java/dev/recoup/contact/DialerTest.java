package dev.recoup.contact;

import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.contact.persistence.WebhookSignature;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.recoup.contact.ContactGateApiTest.agent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@RecoupIntegrationTest
class DialerTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;
    @Autowired ObjectMapper json;
    @Value("${recoup.contact.dialer.webhook-secret}") String secret;
    ContactFixture fixture;
    LocalDate day;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        settings.reload();
        fixture = new ContactFixture(jdbc);
        day = clock.today().minusDays(1);
    }

    @Test
    void theCallListHoldsOnlyNumbersTheGateAllowsThroughoutTheirSlot() throws Exception {
        List<ContactFixture.Debtor> debtors = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ContactFixture.Debtor d = fixture.debtor("DL" + i);
            debtors.add(d);
            task(d.caseId(), "ROBOT_CALL", "robots");
        }
        ContactFixture.Debtor complained = debtors.get(0);
        jdbc.sql("insert into contact_hold (level, customer_id, case_id, kind, effective_from, placed_by, placed_at) values ('CASE', ?, ?, 'DECEASED', ?, 't', now())")
                .params(complained.customerId(), complained.caseId(), java.sql.Timestamp.from(day.minusDays(3).atStartOfDay(BEIJING).toInstant())).update();
        ContactFixture.Debtor capped = debtors.get(1);
        for (int h = 0; h < 5; h++) {
            call(capped.self(), day.atTime(8, 10 + h).atZone(BEIJING), "NO_ANSWER");
        }
        ContactFixture.Debtor agentQueue = debtors.get(2);
        jdbc.sql("update task set queue = 'agents' where case_id = ?").param(agentQueue.caseId()).update();
        jdbc.sql("update contact set valid = false where id = ?").param(debtors.get(3).self()).update();

        JsonNode list = callList("robots", day.atTime(7, 0), day.atTime(23, 0), 100);
        Set<Long> listed = new HashSet<>();
        for (JsonNode e : list.get("entries")) {
            listed.add(e.get("contactId").asLong());
            ZonedDateTime from = Instant.parse(e.get("callFrom").asString()).atZone(BEIJING);
            ZonedDateTime until = Instant.parse(e.get("callUntil").asString()).atZone(BEIJING);
            assertThat(from.toLocalTime()).isAfterOrEqualTo(LocalTime.of(8, 0));
            assertThat(until.toLocalTime()).isBeforeOrEqualTo(LocalTime.of(22, 0));
            assertThat(until).isAfter(from);
        }
        assertThat(listed).hasSize(8)
                .doesNotContain(complained.self(), capped.self(), agentQueue.self(), debtors.get(3).self())
                .allMatch(id -> debtors.stream().anyMatch(d -> d.self() == id));
        // Every entry is reserved as a pending call; set the reservations aside and ask the gate about each slot's first and last second.
        assertThat(jdbc.sql("select count(*) from contact_attempt where via = 'DIALER' and outcome is null").query(Long.class).single()).isEqualTo(8);
        jdbc.sql("update contact_attempt set voided_at = now() where via = 'DIALER'").update();
        for (JsonNode e : list.get("entries")) {
            for (Instant t : new Instant[]{Instant.parse(e.get("callFrom").asString()), Instant.parse(e.get("callUntil").asString()).minusSeconds(1)}) {
                decide(e.get("caseId").asLong(), e.get("contactId").asLong(), t).andExpect(jsonPath("$.allowed").value(true));
            }
        }
        // The same list asked again at night has nobody: 23:00–07:00 is closed for every one of them.
        jdbc.sql("delete from contact_attempt where via = 'DIALER'").update();
        JsonNode night = callList("robots", day.atTime(22, 0), day.plusDays(1).atTime(7, 59), 100);
        assertThat(night.get("entries")).isEmpty();
        assertThat(night.get("refused").asInt()).isEqualTo(night.get("considered").asInt()).isPositive();
        mvc.perform(get("/api/v1/dialer/call-list").with(agent())).andExpect(status().isForbidden());
    }

    @Test
    void theWebhookRejectsABadSignatureAndAReplayAndRecordsAResultOnce() throws Exception {
        ContactFixture.Debtor d = fixture.debtor("WH");
        task(d.caseId(), "ROBOT_CALL", "robots");
        JsonNode entry = callList("robots", day.atTime(10, 0), day.atTime(12, 0), 10).get("entries").get(0);
        long entryId = entry.get("entryId").asLong();
        mvc.perform(get("/api/v1/dialer/entries/{id}", entryId).with(dialer())).andExpect(jsonPath("$.status").value("RESERVED"));
        Instant started = Instant.parse(entry.get("callFrom").asString()).plusSeconds(90);
        String body = """
                {"callId": "ivr-7781", "entryId": %d, "startedAt": "%s", "endedAt": "%s", "outcome": "CONVERSATION_DEBTOR"}"""
                .formatted(entryId, started, started.plusSeconds(75));
        long now = clock.now().getEpochSecond();

        webhook(body, now, "sha256=" + "00".repeat(32)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.reason").value("BAD_SIGNATURE"));
        webhook(body, now, WebhookSignature.header("wrong-secret".getBytes(StandardCharsets.UTF_8), now, bytes(body)))
                .andExpect(status().isUnauthorized());
        webhook(body.replace("CONVERSATION_DEBTOR", "NO_ANSWER"), now, sign(body, now)).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/dialer/results").contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isUnauthorized());
        long old = now - 3600;
        webhook(body, old, sign(body, old)).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.reason").value("STALE"));
        assertThat(jdbc.sql("select count(*) from contact_attempt where outcome is not null").query(Long.class).single()).isZero();

        webhook(body, now, sign(body, now)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECORDED"))
                .andExpect(jsonPath("$.withinSlot").value(true))
                .andExpect(jsonPath("$.attempt.outcome").value("CONVERSATION_DEBTOR"))
                .andExpect(jsonPath("$.attempt.at").value(started.toString()));
        long retry = now + 2;
        webhook(body, retry, sign(body, retry)).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DUPLICATE"));
        String other = body.replace("ivr-7781", "ivr-9999");
        webhook(other, retry, sign(other, retry)).andExpect(status().isConflict());
        assertThat(jdbc.sql("select count(*) from contact_attempt where dialer_call_id is not null").query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isEqualTo(1);
        mvc.perform(get("/api/v1/dialer/entries/{id}", entryId).with(dialer())).andExpect(jsonPath("$.status").value("REPORTED"));
        mvc.perform(get("/api/v1/contacts/{id}/attempts", d.self()).param("from", day.atStartOfDay(BEIJING).toOffsetDateTime().toString())
                        .with(agent()))
                .andExpect(jsonPath("$[0].dialerCallId").value("ivr-7781")).andExpect(jsonPath("$[0].via").value("DIALER"));
    }

    @Test
    void aHoldReceivedAfterTheListCancelsTheEntryBeforeItIsDialled() throws Exception {
        ContactFixture.Debtor d = fixture.debtor("CX");
        task(d.caseId(), "ROBOT_CALL", "robots");
        long entryId = callList("robots", day.atTime(10, 0), day.atTime(12, 0), 10).get("entries").get(0).get("entryId").asLong();
        mvc.perform(post("/api/v1/complaints").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"caseId": %d, "channel": "PHONE", "category": "HARASSMENT", "text": "别再打了"}""".formatted(d.caseId()))).andExpect(status().isCreated());
        mvc.perform(get("/api/v1/dialer/entries/{id}", entryId).with(dialer()))
                .andExpect(jsonPath("$.status").value("CANCELLED")).andExpect(jsonPath("$.voidReason").value("HOLD_COMPLAINT_OPEN"));
        mvc.perform(get("/api/v1/cases/{id}/contacts", d.caseId()).with(agent())).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void slotsFollowTheLearnedRightPartyRatesOfEachRegion() throws Exception {
        ContactFixture.Debtor shanghai = fixture.debtor("SH", "310110", "consumer_loan");
        ContactFixture.Debtor guangdong = fixture.debtor("GD", "440106", "credit_card");
        task(shanghai.caseId(), "ROBOT_CALL", "robots");
        task(guangdong.caseId(), "ROBOT_CALL", "robots");
        // Before anything is learned every slot scores the same: both are called as early as allowed.
        JsonNode before = callList("robots", day.minusDays(1).atTime(9, 0), day.minusDays(1).atTime(18, 0), 10);
        for (JsonNode e : before.get("entries")) {
            assertThat(Instant.parse(e.get("callFrom").asString()).atZone(BEIJING).toLocalTime()).isEqualTo(LocalTime.of(9, 0));
        }
        // History on the same weekday in earlier weeks: Shanghai debtors answer at 15:00, Guangdong debtors at 10:00.
        long shOther = fixture.contact("SH-X", shanghai.customerId(), "self", "13811112222");
        long gdOther = fixture.contact("GD-X", guangdong.customerId(), "self", "13833334444");
        jdbc.sql("update contact set valid = false where id in (?, ?)").params(shOther, gdOther).update();
        for (int week = 1; week <= 6; week++) {
            LocalDate past = day.minusWeeks(week);
            for (int n = 0; n < 4; n++) {
                call(shOther, past.atTime(15, 5 + n).atZone(BEIJING), "CONVERSATION_DEBTOR");
                call(shOther, past.atTime(10, 5 + n).atZone(BEIJING), "NO_ANSWER");
                call(gdOther, past.atTime(10, 5 + n).atZone(BEIJING), "CONVERSATION_DEBTOR");
                call(gdOther, past.atTime(15, 5 + n).atZone(BEIJING), "NO_ANSWER");
            }
        }
        mvc.perform(post("/api/v1/contact-rates/refresh").with(ContactGateApiTest.manager())).andExpect(jsonPath("$.calls").value(96));
        mvc.perform(get("/api/v1/contact-rates").param("region", "31").with(agent()))
                .andExpect(jsonPath("$.region").value("31"));

        JsonNode list = callList("robots", day.atTime(9, 0), day.atTime(18, 0), 10);
        JsonNode first = list.get("entries").get(0);
        JsonNode second = list.get("entries").get(1);
        assertThat(first.get("contactId").asLong()).isEqualTo(guangdong.self());
        assertThat(Instant.parse(first.get("callFrom").asString()).atZone(BEIJING).getHour()).isEqualTo(10);
        assertThat(second.get("contactId").asLong()).isEqualTo(shanghai.self());
        assertThat(Instant.parse(second.get("callFrom").asString()).atZone(BEIJING).getHour()).isEqualTo(15);
        assertThat(first.get("score").asDouble()).isGreaterThan(0.3);
        mvc.perform(get("/contacts/best-time").param("region", "31").param("lang", "en").with(agent()))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("id=\"heatmap\"")));
    }

    void task(long caseId, String type, String queue) {
        jdbc.sql("""
                insert into task (case_id, type, step_key, due_on, due_at, queue, source, created_on)
                values (?, ?, 'test/' || ?, ?, now(), ?, 'test', ?)""").params(caseId, type, type, day.minusDays(5), queue, day.minusDays(5)).update();
    }

    void call(long contactId, ZonedDateTime at, String outcome) throws Exception {
        mvc.perform(post("/api/v1/contact-attempts").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"contactId": %d, "channel": "ROBOT_CALL", "at": "%s", "outcome": "%s", "madeBy": "robot"}""".formatted(contactId, at.toOffsetDateTime(), outcome)))
                .andExpect(status().isCreated());
    }

    JsonNode callList(String queue, java.time.LocalDateTime at, java.time.LocalDateTime until, int limit) throws Exception {
        String body = mvc.perform(get("/api/v1/dialer/call-list").param("queue", queue).param("at", at.toString()).param("until", until.toString())
                        .param("limit", Integer.toString(limit)).with(dialer()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    ResultActions decide(long caseId, long contactId, Instant at) throws Exception {
        return mvc.perform(post("/api/v1/contact-decisions").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"caseId": %d, "contactId": %d, "channel": "ROBOT_CALL", "at": "%s"}""".formatted(caseId, contactId, at)));
    }

    ResultActions webhook(String body, long timestamp, String signature) throws Exception {
        return mvc.perform(post("/api/v1/dialer/results").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("X-Recoup-Timestamp", Long.toString(timestamp)).header("X-Recoup-Signature", signature));
    }

    String sign(String body, long timestamp) {
        return WebhookSignature.header(secret.getBytes(StandardCharsets.UTF_8), timestamp, bytes(body));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static org.springframework.test.web.servlet.request.RequestPostProcessor dialer() {
        return httpBasic("dialer", "recoup-dialer");
    }
}
