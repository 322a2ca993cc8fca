package dev.recoup.contact.channel;

import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.persistence.PackSettings;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.contact.testing.TestSmsc;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox with the real contact gate (China pack) and the real ledger, against a real SMPP
 * server, on a clock the test sets (the ledger refuses attempts in its future, so the whole
 * application must share the test's time).
 */
@RecoupIntegrationTest
@Import(ChannelsWithTheRealGateTest.SettableClock.class)
class ChannelsWithTheRealGateTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class SettableClock {

        static final MutableClock CLOCK = new MutableClock();

        @Bean
        @Primary
        BusinessClock settableBusinessClock() {
            return new BusinessClock(CLOCK);
        }
    }

    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-24T02:30:00Z");

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return BEIJING;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final int PORT = TestSmsc.freePort();
    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    static TestSmsc smsc;

    @DynamicPropertySource
    static void smpp(DynamicPropertyRegistry registry) {
        registry.add("recoup.channels.smpp.host", () -> "127.0.0.1");
        registry.add("recoup.channels.smpp.port", () -> PORT);
        registry.add("recoup.channels.smpp.response-timeout", () -> "PT3S");
    }

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired BusinessClock clock;
    @Autowired PackSettings packs;
    long customer;
    long caseId;
    long debtor;
    long sister;

    @BeforeAll
    static void startTheSmsc() {
        smsc = new TestSmsc(PORT).start();
    }

    @AfterAll
    static void stopTheSmsc() {
        smsc.stop();
    }

    @BeforeEach
    void aDebtorAndHerSister() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        smsc.clear();
        ContactFixture fixture = new ContactFixture(jdbc);
        customer = fixture.customer("C1", "王芳", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
        debtor = fixture.contact(customer, "C1-SELF", "self", "王芳", "13800138000", null, null);
        sister = fixture.contact(customer, "C1-SIS", "relative", "王丽", "13900139000", null, null);
    }

    /** Tuesday 24 November 2026 (a working day) at a Beijing time. */
    static Instant tuesdayAt(int hour, int minute) {
        return LocalDate.parse("2026-11-24").atTime(LocalTime.of(hour, minute)).atZone(BEIJING).toInstant();
    }

    static void itIs(Instant instant) {
        SettableClock.CLOCK.set(instant);
    }

    long sms(String key, long contact, String template) {
        return outbox.enqueue(new OutboundRequest(key, caseId, Set.of(), contact, Channel.SMS, template, null, null, "zh-CN",
                Map.of("senderName", "瑞可", "lenderName", "示例", "overdueAmount", "100元", "callBackNumber", "4008001234"), "test")).messageId();
    }

    @Test
    void anSmsAllowedByTheChinaPackGoesOutAndItsReceiptLandsInTheRealLedger() throws Exception {
        itIs(tuesdayAt(10, 30));
        long id = sms("k1", debtor, "sms.invitation-to-negotiate");

        assertThat(dispatcher.runOnce().sent()).isEqualTo(1);

        OutboundMessage sent = outbox.find(id);
        assertThat(sent.status()).isEqualTo("SENT");
        assertThat(jdbc.sql("select channel || ' ' || endpoint || ' ' || coalesce(outcome, 'pending') from contact_attempt where id = ?")
                .param(sent.ledgerAttemptId()).query(String.class).single()).isEqualTo("SMS 13800138000 pending");

        for (TestSmsc.Received pdu : smsc.received()) {
            smsc.sendReceipt(pdu.messageId(), DeliveryReceiptState.DELIVRD);
        }
        for (int i = 0; i < 200 && !outbox.find(id).status().equals("DELIVERED"); i++) {
            Thread.sleep(50);
        }
        assertThat(outbox.find(id).status()).isEqualTo("DELIVERED");
        assertThat(jdbc.sql("select outcome from contact_attempt where id = ?").param(sent.ledgerAttemptId()).query(String.class).single())
                .isEqualTo("DELIVERED");
    }

    @Test
    void anSmsDueInTheQuietHoursWaitsForTheMorning() {
        itIs(tuesdayAt(23, 0));
        long id = sms("k1", debtor, "sms.invitation-to-negotiate");

        assertThat(dispatcher.runOnce().deferred()).isEqualTo(1);

        OutboundMessage waiting = outbox.find(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.blockReasons()).extracting(r -> r.get("ruleId")).contains("CN-QUIET-HOURS");
        assertThat(waiting.nextAttemptAt().toInstant()).isEqualTo(tuesdayAt(8, 0).plus(java.time.Duration.ofDays(1)));
        assertThat(smsc.received()).isEmpty();
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isZero();

        itIs(tuesdayAt(8, 0).plus(java.time.Duration.ofDays(1)));
        assertThat(dispatcher.runOnce().sent()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theOptOutLineFollowsThePackInForce() {
        itIs(tuesdayAt(10, 30));
        assertThat(outbox.find(sms("k-cn", debtor, "sms.invitation-to-negotiate")).body()).endsWith("回T退订");

        packs.save("consumer_loan", "US-REGF", null, "test");
        try {
            long id = outbox.enqueue(new OutboundRequest("k-us", caseId, Set.of(), debtor, Channel.SMS, "sms.invitation-to-negotiate", null, null, "en",
                    Map.of("senderName", "Recoup", "lenderName", "Acme", "overdueAmount", "USD 100", "callBackNumber", "4008001234"), "test")).messageId();
            assertThat(outbox.find(id).body()).endsWith("Reply STOP to stop texts to this number.");
        } finally {
            packs.remove("consumer_loan");
        }
    }

    @Test
    void aRelativeGetsACallBackRequestButNeverAReminder() {
        itIs(tuesdayAt(10, 30));
        long reminder = sms("k1", sister, "sms.invitation-to-negotiate");
        long callBack = sms("k2", sister, "sms.third-party-call-back");

        dispatcher.runOnce();

        OutboundMessage blocked = outbox.find(reminder);
        assertThat(blocked.status()).isEqualTo("BLOCKED");
        assertThat(blocked.blockReasons()).extracting(r -> r.get("ruleId")).contains("CN-THIRD-PARTY-PURPOSE");
        assertThat(outbox.find(callBack).status()).isEqualTo("SENT");
        assertThat(smsc.received()).extracting(TestSmsc.Received::destination).containsOnly("13900139000");
        String text = smsc.received().stream().map(TestSmsc.Received::text).reduce("", String::concat);
        assertThat(text).contains("王丽您好", "王芳", "4008001234").doesNotContain("100元", "示例");
    }
}
