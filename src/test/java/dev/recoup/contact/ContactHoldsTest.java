package dev.recoup.contact;

import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@RecoupIntegrationTest
class ContactHoldsTest {

    @Autowired ContactHolds holds;
    @Autowired JdbcClient jdbc;
    @Autowired BusinessClock clock;
    @Autowired PackSettings settings;

    @BeforeEach
    void clean() {
        TestDatabase.clean(jdbc);
        settings.reload();
    }

    @Test
    void taskCreationLearnsInOneQueryWhichCasesAreUnderAHoldThatStopsContact() {
        ContactFixture fixture = new ContactFixture(jdbc);
        ContactFixture.Debtor complaint = fixture.debtor("H1");
        ContactFixture.Debtor deceasedCustomer = fixture.debtor("H2");
        ContactFixture.Debtor optedOutOfCalls = fixture.debtor("H3");
        ContactFixture.Debtor liftedDispute = fixture.debtor("H4");
        ContactFixture.Debtor relativeOnly = fixture.debtor("H5");
        ContactFixture.Debtor free = fixture.debtor("H6");
        ContactFixture.Debtor bankruptDebtor = fixture.debtor("H7");
        Instant now = clock.now();
        hold("CASE", complaint.customerId(), complaint.caseId(), null, "COMPLAINT_OPEN", null, now.minus(Duration.ofHours(2)), null);
        hold("CUSTOMER", deceasedCustomer.customerId(), null, null, "DECEASED", null, now.minus(Duration.ofDays(3)), null);
        hold("CONTACT", optedOutOfCalls.customerId(), null, optedOutOfCalls.self(), "MEDIUM_OPT_OUT", "TELEPHONE", now.minus(Duration.ofDays(1)), null);
        hold("CASE", liftedDispute.customerId(), liftedDispute.caseId(), null, "DISPUTE_OPEN", null, now.minus(Duration.ofDays(5)), now.minus(Duration.ofDays(1)));
        hold("CONTACT", relativeOnly.customerId(), null, relativeOnly.relative(), "ATTORNEY_REPRESENTS", null, now.minus(Duration.ofDays(1)), null);
        hold("CONTACT", bankruptDebtor.customerId(), null, bankruptDebtor.self(), "BANKRUPT", null, now.minus(Duration.ofDays(1)), null);
        // A hold received in an hour does not stop contact now.
        hold("CASE", free.customerId(), free.caseId(), null, "BANKRUPT", null, now.plus(Duration.ofHours(1)), null);

        long[] ids = LongStream.of(complaint.caseId(), deceasedCustomer.caseId(), optedOutOfCalls.caseId(), liftedDispute.caseId(),
                relativeOnly.caseId(), free.caseId(), bankruptDebtor.caseId(), 987_654L).toArray();
        Map<Long, Set<HoldKind>> stopped = holds.stoppingContact(ids, now);
        assertThat(stopped).containsOnlyKeys(complaint.caseId(), deceasedCustomer.caseId(), bankruptDebtor.caseId());
        assertThat(stopped.get(complaint.caseId())).containsExactly(HoldKind.COMPLAINT_OPEN);
        assertThat(stopped.get(deceasedCustomer.caseId())).containsExactly(HoldKind.DECEASED);
        assertThat(holds.casesUnderContactHold(ids, now.plus(Duration.ofHours(2)))).contains(free.caseId());
        assertThat(holds.casesUnderContactHold(ids, now.minus(Duration.ofDays(2)))).contains(liftedDispute.caseId());
        assertThat(holds.casesUnderContactHold(new long[0], now)).isEmpty();
    }

    void hold(String level, long customer, Long caseId, Long contact, String kind, String medium, Instant from, Instant until) {
        jdbc.sql("""
                insert into contact_hold (level, customer_id, case_id, contact_id, kind, medium, effective_from, effective_until, placed_by, placed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'test', now())""")
                .params(level, customer, caseId, contact, kind, medium, Timestamp.from(from), until == null ? null : Timestamp.from(until)).update();
    }
}
