package dev.recoup.contact.channel;

import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.outbox.OutboxReceipts;
import dev.recoup.contact.outbox.OutboxProperties;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.testing.ChannelsTestBase;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.contact.testing.ControllableGate;
import dev.recoup.contact.testing.InMemoryLedger;
import dev.recoup.contact.testing.TestSmsc;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.TestDatabase;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SmsOverSmppTest extends ChannelsTestBase {

    static TestSmsc smsc;

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxReceipts receipts;
    @Autowired OutboxProperties properties;
    @Autowired ControllableGate gate;
    @Autowired InMemoryLedger ledger;
    @Autowired BusinessClock clock;
    long caseId;
    long debtor;

    static final Map<String, String> REMINDER = Map.of("senderName", "瑞可客服", "lenderName", "示例消费金融", "accountTail", "6789",
            "overdueAmount", "1,234.56元", "callBackNumber", "400-800-1234");

    @BeforeAll
    static void startTheSmsc() {
        smsc = new TestSmsc(SMPP_PORT).start();
    }

    @AfterAll
    static void stopTheSmsc() {
        smsc.stop();
    }

    @BeforeEach
    void aDebtorWithAMobileNumber() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        gate.reset();
        ledger.clear();
        smsc.start();
        smsc.clear();
        ContactFixture fixture = new ContactFixture(jdbc);
        long customer = fixture.customer("C1", "张三", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
        debtor = fixture.contact(customer, "C1-SELF", "self", "张三", "13800138000", "zhangsan@example.cn", null);
        templates.create("sms.short", "short", TemplateKind.INVITATION_TO_NEGOTIATE, Channel.SMS, Map.of(
                Language.ZH_CN, new TemplateContent(null, "{{customerName}}您好，请致电{{callBackNumber}}。"),
                Language.EN, new TemplateContent(null, "Dear {{customerName}}, please call {{callBackNumber}}.")), null, "test");
    }

    /** A one-PDU text: "张三您好，请致电400-800-1234。回T退订". */
    long enqueueShort(String key) {
        return enqueue(key, debtor, "sms.short", "zh-CN", Map.of("callBackNumber", "400-800-1234"));
    }

    long enqueue(String key, long contact, String template, String language, Map<String, String> variables) {
        return outbox.enqueue(new OutboundRequest(key, caseId, Set.of(), contact, Channel.SMS, template, null, null, language, variables, "agent"))
                .messageId();
    }

    @Test
    void aChineseReminderReachesTheSmscInUcs2SegmentsWithTheOptOutLineAndItsReceiptsMarkTheLedgerDelivered() throws Exception {
        long id = enqueue("task/1/sms.reminder", debtor, "sms.reminder", "zh-CN", REMINDER);

        OutboxDispatcher.Report report = dispatcher.runOnce();

        assertThat(report.sent()).isEqualTo(1);
        OutboundMessage message = outbox.find(id);
        assertThat(message.status()).isEqualTo("SENT");
        assertThat(message.body()).startsWith("【瑞可客服】张三您好，您在示例消费金融的账户（尾号6789）尚有1,234.56元待还").endsWith("回T退订");
        List<TestSmsc.Received> pdus = smsc.received();
        assertThat(pdus).allSatisfy(pdu -> {
            assertThat(pdu.destination()).isEqualTo("13800138000");
            assertThat(pdu.dataCoding()).isEqualTo((byte) 0x08);
        });
        assertThat(message.body().length()).isGreaterThan(70);
        assertThat(pdus).hasSizeGreaterThan(1).allSatisfy(pdu -> assertThat(pdu.udh()).isTrue());
        assertThat(pdus).extracting(pdu -> pdu.concatenation()[1]).containsOnly(pdus.size());
        assertThat(pdus).extracting(pdu -> pdu.concatenation()[2]).containsExactly(java.util.stream.IntStream.rangeClosed(1, pdus.size()).boxed().toArray(Integer[]::new));
        assertThat(pdus.stream().map(TestSmsc.Received::text).reduce("", String::concat)).isEqualTo(message.body());
        assertThat(message.gatewayMessageId()).isEqualTo(pdus.getFirst().messageId());

        InMemoryLedger.Entry attempt = ledger.entry(message.ledgerAttemptId());
        assertThat(attempt.attempt().channel()).isEqualTo(Channel.SMS);
        assertThat(attempt.attempt().endpoint()).isEqualTo("13800138000");
        assertThat(attempt.attempt().purpose()).isEqualTo(Purpose.PAYMENT_REMINDER);
        assertThat(attempt.attempt().caseId()).isEqualTo(caseId);
        assertThat(attempt.outcome()).isNull();
        assertThat(gate.asked()).singleElement().satisfies(asked -> {
            assertThat(asked.contactId()).isEqualTo(debtor);
            assertThat(asked.channel()).isEqualTo(Channel.SMS);
            assertThat(asked.purpose()).isEqualTo(Purpose.PAYMENT_REMINDER);
            assertThat(asked.carriesDebtDetails()).isTrue();
        });

        for (TestSmsc.Received pdu : pdus.subList(0, pdus.size() - 1)) {
            smsc.sendReceipt(pdu.messageId(), DeliveryReceiptState.DELIVRD);
        }
        awaitTrue(() -> jdbc.sql("select count(*) from gateway_receipt").query(Long.class).single() == pdus.size() - 1);
        assertThat(outbox.find(id).status()).as("delivered only when every segment is").isEqualTo("SENT");
        smsc.sendReceipt(pdus.getLast().messageId(), DeliveryReceiptState.DELIVRD);
        awaitTrue(() -> outbox.find(id).status().equals("DELIVERED"));
        assertThat(ledger.entry(message.ledgerAttemptId()).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void anEnglishTextGoesInLatin1() {
        long id = outbox.enqueue(new OutboundRequest("k-en", caseId, Set.of(), debtor, Channel.SMS, "sms.invitation-to-negotiate", null, null, "en",
                Map.of("senderName", "Recoup", "customerName", "Zhang San", "lenderName", "Acme", "overdueAmount", "CNY 10", "callBackNumber", "4008001234"),
                "agent")).messageId();
        dispatcher.runOnce();

        String body = outbox.find(id).body();
        assertThat(body).endsWith("Reply T to unsubscribe.");
        List<TestSmsc.Received> pdus = smsc.received();
        assertThat(pdus).allSatisfy(pdu -> assertThat(pdu.dataCoding()).isEqualTo((byte) 0x03));
        assertThat(pdus).hasSize((body.length() + 133) / 134);
        assertThat(pdus.stream().map(TestSmsc.Received::text).reduce("", String::concat)).isEqualTo(body);
    }

    @Test
    void anUndeliverableReceiptFailsTheMessageAndBouncesTheLedgerAttempt() throws Exception {
        long id = enqueueShort("k1");
        dispatcher.runOnce();
        smsc.sendReceipt(smsc.received().getFirst().messageId(), DeliveryReceiptState.UNDELIV);

        awaitTrue(() -> outbox.find(id).status().equals("FAILED"));
        assertThat(outbox.find(id).lastError()).contains("UNDELIV");
        assertThat(ledger.entry(outbox.find(id).ledgerAttemptId()).outcome()).isEqualTo(Outcome.BOUNCED);
    }

    @Test
    void aReceiptThatArrivesBeforeTheIdIsStoredIsAppliedWhenItIs() {
        String next = smsc.nextMessageId();
        assertThat(receipts.receipt(Channel.SMS, next, OutboxReceipts.Result.DELIVERED, clock.now(), "early")).isFalse();

        long id = enqueueShort("k1");
        dispatcher.runOnce();

        assertThat(outbox.find(id).gatewayMessageId()).isEqualTo(next);
        assertThat(outbox.find(id).status()).isEqualTo("DELIVERED");
        assertThat(ledger.entry(outbox.find(id).ledgerAttemptId()).outcome()).isEqualTo(Outcome.DELIVERED);
    }

    @Test
    void aReplyOfTFromTheDebtorIsRecordedAsAnOptOut() throws Exception {
        long id = enqueueShort("k1");
        dispatcher.runOnce();

        smsc.sendReply("+86 138 0013 8000", "Ｔ");

        awaitTrue(() -> ledger.entry(outbox.find(id).ledgerAttemptId()).outcome() == Outcome.OPTED_OUT);
    }

    @Test
    void anSmscThatRefusesTheNumberFailsTheMessageAndTheAttemptCountsAsNoContact() {
        smsc.refuse("13800138000", 0x0B);
        long id = enqueueShort("k1");

        OutboxDispatcher.Report report = dispatcher.runOnce();

        assertThat(report.failed()).isEqualTo(1);
        assertThat(outbox.find(id).status()).isEqualTo("FAILED");
        assertThat(outbox.find(id).lastError()).contains("REJECTED", "0x0B");
        assertThat(ledger.entry(outbox.find(id).ledgerAttemptId()).outcome()).isEqualTo(Outcome.BOUNCED);
        assertThat(smsc.received()).isEmpty();
    }

    @Test
    void aThrottlingSmscIsTriedAgainAfterABackOffAndTheMessageGoesOutOnce() {
        smsc.refuse("13800138000", 0x58);
        long id = enqueueShort("k1");
        Instant now = clock.now();

        assertThat(dispatcher.runOnce(now).retried()).isEqualTo(1);
        OutboundMessage waiting = outbox.find(id);
        assertThat(waiting.status()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isEqualTo(1);
        assertThat(waiting.nextAttemptAt().toInstant()).isCloseTo(now.plus(properties.backoff(1)), within(1, ChronoUnit.MILLIS));
        assertThat(dispatcher.runOnce(now).claimed()).as("not due before its back-off").isZero();

        smsc.clear();
        assertThat(dispatcher.runOnce(now.plus(properties.backoff(1))).sent()).isEqualTo(1);
        assertThat(outbox.find(id).attempts()).isEqualTo(2);
        assertThat(smsc.received()).hasSize(1);
        assertThat(ledger.entries()).as("one attempt in the ledger, reused by the retry").hasSize(1);
    }

    @Test
    void aMessageThatNeverGetsThroughFailsAfterTheLastTry() {
        smsc.refuse("13800138000", 0x14);
        long id = enqueueShort("k1");
        Instant at = clock.now();
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            dispatcher.runOnce(at);
            at = at.plus(properties.backoff(attempt));
        }
        assertThat(outbox.find(id).status()).isEqualTo("FAILED");
        assertThat(outbox.find(id).attempts()).isEqualTo(properties.maxAttempts());
        assertThat(outbox.find(id).lastError()).contains("gave up after " + properties.maxAttempts());
        assertThat(ledger.entry(outbox.find(id).ledgerAttemptId()).outcome()).isEqualTo(Outcome.BOUNCED);
    }

    @Test
    void aDenialInTheQuietHoursReschedulesTheMessageToTheMorning() {
        long id = enqueueShort("k1");
        Instant now = clock.now();
        Instant morning = now.plus(Duration.ofHours(9)).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        gate.deny("CN-QUIET-HOURS", "22:00–08:00 不得联系", "no contact 22:00–08:00", morning);

        assertThat(dispatcher.runOnce(now).deferred()).isEqualTo(1);
        OutboundMessage deferred = outbox.find(id);
        assertThat(deferred.status()).isEqualTo("PENDING");
        assertThat(deferred.nextAttemptAt().toInstant()).isEqualTo(morning);
        assertThat(deferred.blockReasons()).singleElement().satisfies(r -> {
            assertThat(r.get("ruleId")).isEqualTo("CN-QUIET-HOURS");
            assertThat(r.get("reasonZh")).isEqualTo("22:00–08:00 不得联系");
        });
        assertThat(deferred.attempts()).isZero();
        assertThat(ledger.entries()).isEmpty();

        gate.allowAll();
        assertThat(dispatcher.runOnce(now.plus(Duration.ofHours(1))).claimed()).isZero();
        assertThat(dispatcher.runOnce(morning).sent()).isEqualTo(1);
        assertThat(smsc.received()).hasSize(1);
    }

    @Test
    void aDenialWithNoNextAllowedTimeBlocksTheMessageWithTheRulesReasons() {
        gate.deny("CN-THIRD-PARTY-PURPOSE", "第三方仅可转告回电", "third parties only for a call-back request", null);
        long id = enqueueShort("k1");

        assertThat(dispatcher.runOnce().blocked()).isEqualTo(1);

        OutboundMessage blocked = outbox.find(id);
        assertThat(blocked.status()).isEqualTo("BLOCKED");
        assertThat(blocked.blockReasons()).extracting(r -> r.get("reasonEn")).containsExactly("third parties only for a call-back request");
        assertThat(blocked.lastError()).contains("CN-THIRD-PARTY-PURPOSE");
        assertThat(ledger.entries()).isEmpty();
        assertThat(smsc.received()).isEmpty();
        assertThat(dispatcher.runOnce(clock.now().plus(Duration.ofDays(30))).claimed()).isZero();
    }

    @Test
    void enqueuingTheSameKeyTwiceSendsOneMessage() {
        long first = enqueue("task/9/sms.short/v1", debtor, "sms.short", "zh-CN", Map.of("callBackNumber", "400-800-1234"));
        long second = enqueue("task/9/sms.short/v1", debtor, "sms.short", "zh-CN", Map.of("callBackNumber", "400-800-1234"));

        assertThat(second).isEqualTo(first);
        dispatcher.runOnce();
        assertThat(smsc.received()).hasSize(1);
        assertThat(ledger.entries()).hasSize(1);
    }

    static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (condition.getAsBoolean()) {
                return;
            }
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("condition reached within 10 s").isTrue();
    }
}
