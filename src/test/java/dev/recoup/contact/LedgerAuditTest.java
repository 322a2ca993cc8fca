package dev.recoup.contact;

import dev.recoup.contact.persistence.LedgerAudit;
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

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static dev.recoup.contact.ContactGateApiTest.agent;
import static dev.recoup.contact.ContactGateApiTest.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The SQL re-check finds each kind of breach recorded around the gate, and nothing in lawful contact. */
@RecoupIntegrationTest
class LedgerAuditTest {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    @Autowired MockMvc mvc;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;
    @Autowired LedgerAudit audit;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        settings.reload();
    }

    @Test
    void theReCheckFindsEveryKindOfBreachRecordedAroundTheGateAndNoneInLawfulContact() throws Exception {
        ContactFixture fixture = new ContactFixture(jdbc);
        ContactFixture.Debtor lawful = fixture.debtor("OK");
        ContactFixture.Debtor breached = fixture.debtor("BAD");
        LocalDate day = clock.today().minusDays(2);
        // Lawful: five calls in the day, a call at 22:30 the person asked for, a call-back request to a relative, a visit by two.
        for (int h = 9; h < 14; h++) {
            record(lawful.self(), "AGENT_CALL", day.atTime(h, 0).atZone(BEIJING), "COLLECTION", 0);
        }
        mvc.perform(post("/api/v1/contacts/{id}/consents", lawful.self()).with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"windowStart": "22:00", "windowEnd": "23:00", "receivedAt": "%s"}""".formatted(day.minusDays(1).atStartOfDay(BEIJING).toOffsetDateTime())))
                .andExpect(status().isCreated());
        record(lawful.self(), "SMS", day.atTime(22, 30).atZone(BEIJING), "PAYMENT_REMINDER", 0);
        record(lawful.relative(), "AGENT_CALL", day.atTime(15, 0).atZone(BEIJING), "CALL_BACK_REQUEST", 0);
        record(lawful.self(), "VISIT", day.atTime(16, 0).atZone(BEIJING), "COLLECTION", 2);
        // Breaches, recorded as they happened (recording never asks the gate).
        record(breached.self(), "ROBOT_CALL", day.atTime(23, 15).atZone(BEIJING), "COLLECTION", 0);           // quiet hours
        for (int m = 0; m < 6; m++) {
            record(breached.self(), "ROBOT_CALL", day.plusDays(1).atTime(9, m).atZone(BEIJING), "COLLECTION", 0);   // the sixth is over the cap
        }
        record(breached.relative(), "AGENT_CALL", day.atTime(11, 0).atZone(BEIJING), "COLLECTION", 0);       // third party pressed
        record(breached.self(), "VISIT", day.atTime(10, 0).atZone(BEIJING), "COLLECTION", 1);                // one-person visit
        jdbc.sql("""
                insert into contact_hold (level, customer_id, case_id, kind, effective_from, effective_until, placed_by, placed_at)
                values ('CASE', ?, ?, 'DISPUTE_OPEN', ?, ?, 't', now())""").params(breached.customerId(), breached.caseId(),
                java.sql.Timestamp.from(day.atTime(14, 0).atZone(BEIJING).toInstant()), java.sql.Timestamp.from(day.atTime(15, 0).atZone(BEIJING).toInstant()))
                .update();
        record(breached.self(), "SMS", day.atTime(14, 30).atZone(BEIJING), "PAYMENT_REMINDER", 0);             // during the dispute
        record(breached.self(), "SMS", day.atTime(15, 30).atZone(BEIJING), "PAYMENT_REMINDER", 0);             // after it ended: fine

        LedgerAudit.Report report = audit.audit(day.atStartOfDay(BEIJING).toInstant(), day.plusDays(2).atStartOfDay(BEIJING).toInstant());
        assertThat(report.breaches()).containsEntry("QUIET_HOURS", 1L).containsEntry("DAILY_CALL_CAP", 1L).containsEntry("HOLD", 1L)
                .containsEntry("THIRD_PARTY_PURPOSE", 1L).containsEntry("VISIT_STAFF", 1L);
        assertThat(report.total()).isEqualTo(5);
        assertThat(report.examples()).allMatch(b -> b.contactId() == breached.self() || b.contactId() == breached.relative());
        assertThat(report.attempts()).isEqualTo(19);

        mvc.perform(get("/api/v1/contact-audit").param("from", day.atStartOfDay().toString()).with(agent())).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/contact-audit").param("from", day.atStartOfDay().toString()).with(manager()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.total").value(5));
    }

    void record(long contactId, String channel, ZonedDateTime at, String purpose, int staff) throws Exception {
        mvc.perform(post("/api/v1/contact-attempts").with(agent()).contentType(MediaType.APPLICATION_JSON).content("""
                {"contactId": %d, "channel": "%s", "at": "%s", "purpose": "%s", "staff": %d, "outcome": "NO_ANSWER"}"""
                .formatted(contactId, channel, at.toOffsetDateTime(), purpose, staff))).andExpect(status().isCreated());
    }
}
