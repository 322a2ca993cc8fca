package dev.recoup.contact.outbox;

import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.outbox.DispatchProbe.Step;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.testing.ChannelsTestBase;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.contact.testing.ControllableGate;
import dev.recoup.contact.testing.CrashingProbe;
import dev.recoup.contact.testing.InMemoryLedger;
import dev.recoup.contact.testing.TestSmsc;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * No message lost or sent twice when Recoup dies between the steps of sending (simulated by the
 * probe throwing at each step) or when the SMSC dies in the middle of a batch.
 */
class OutboxCrashRecoveryTest extends ChannelsTestBase {

    static TestSmsc smsc;

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxStore store;
    @Autowired OutboxProperties properties;
    @Autowired ControllableGate gate;
    @Autowired InMemoryLedger ledger;
    @Autowired CrashingProbe probe;
    @Autowired BusinessClock clock;
    ContactFixture fixture;
    long customer;
    long caseId;

    @BeforeAll
    static void startTheSmsc() {
        smsc = new TestSmsc(SMPP_PORT).start();
    }

    @AfterAll
    static void stopTheSmsc() {
        smsc.stop();
    }

    @BeforeEach
    void aCase() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        templates.create("sms.short", "short", TemplateKind.INVITATION_TO_NEGOTIATE, Channel.SMS, Map.of(
                Language.ZH_CN, new TemplateContent(null, "{{customerName}}您好，请致电{{callBackNumber}}。"),
                Language.EN, new TemplateContent(null, "Dear {{customerName}}, please call {{callBackNumber}}.")), null, "test");
        gate.reset();
        ledger.clear();
        probe.disarm();
        smsc.start();
        smsc.clear();
        fixture = new ContactFixture(jdbc);
        customer = fixture.customer("C1", "张三", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
    }

    @AfterEach
    void disarm() {
        probe.disarm();
    }

    /** A one-PDU SMS to a contact of its own number, so the SMSC's log says which message it got. */
    long message(int n) {
        long contact = fixture.contact(customer, "C1-" + n, "self", "张三", "1390000000" + n, null, null);
        return outbox.enqueue(new OutboundRequest("msg/" + n, caseId, Set.of(), contact, Channel.SMS, "sms.short", null, null, "zh-CN",
                Map.of("callBackNumber", "400-800-1234"), "test")).messageId();
    }

    long received(int n) {
        return smsc.received().stream().filter(r -> r.destination().equals("1390000000" + n) && r.messageId() != null).count();
    }

    Instant afterTheLease(Instant from) {
        return from.plus(properties.lease()).plusSeconds(1);
    }

    @ParameterizedTest
    @EnumSource(value = Step.class, names = {"CLAIMED", "DECIDED"})
    void aDispatcherThatDiesBeforeCallingTheGatewayLeavesTheMessageToBeSentOnceAfterItsLease(Step step) {
        long id = message(1);
        probe.crashOnceAt(step);
        Instant now = clock.now();

        assertThatThrownBy(() -> dispatcher.runOnce(now)).isInstanceOf(CrashingProbe.SimulatedCrash.class);
        assertThat(outbox.find(id).status()).isEqualTo("SENDING");
        assertThat(dispatcher.runOnce(now).claimed()).as("another dispatcher leaves it alone while the lease holds").isZero();

        OutboxDispatcher.Report restarted = dispatcher.runOnce(afterTheLease(now));

        assertThat(restarted.recoveredToPending()).isEqualTo(1);
        assertThat(restarted.sent()).isEqualTo(1);
        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(received(1)).isEqualTo(1);
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void aDispatcherThatDiesAfterStartingTheSendLeavesTheMessageUncertainAndNotResentUntilAPersonSaysSo() {
        long id = message(1);
        probe.crashOnceAt(Step.SEND_STARTED);
        Instant now = clock.now();

        assertThatThrownBy(() -> dispatcher.runOnce(now)).isInstanceOf(CrashingProbe.SimulatedCrash.class);
        OutboxDispatcher.Report restarted = dispatcher.runOnce(afterTheLease(now));

        assertThat(restarted.recoveredUncertain()).isEqualTo(1);
        assertThat(restarted.sent()).isZero();
        OutboundMessage uncertain = outbox.find(id);
        assertThat(uncertain.status()).isEqualTo("UNCERTAIN");
        assertThat(uncertain.lastError()).contains("not resent automatically");
        assertThat(received(1)).as("in truth it never reached the SMSC").isZero();
        assertThat(dispatcher.runOnce(afterTheLease(afterTheLease(now))).claimed()).isZero();

        outbox.resolve(id, Outbox.Resolution.RESEND, null, "manager");
        dispatcher.runOnce();

        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(received(1)).isEqualTo(1);
        assertThat(ledger.entries()).as("the resend reuses the ledger attempt").hasSize(1);
        assertThat(outbox.find(id).ledgerAttemptId()).isEqualTo(uncertain.ledgerAttemptId());
    }

    @Test
    void aDispatcherThatDiesAfterTheGatewayAcceptedDoesNotSendTwice() {
        long id = message(1);
        probe.crashOnceAt(Step.GATEWAY_ACCEPTED);
        Instant now = clock.now();

        assertThatThrownBy(() -> dispatcher.runOnce(now)).isInstanceOf(CrashingProbe.SimulatedCrash.class);
        assertThat(received(1)).isEqualTo(1);
        dispatcher.runOnce(afterTheLease(now));
        dispatcher.runOnce(afterTheLease(afterTheLease(now)));

        assertThat(outbox.find(id).status()).isEqualTo("UNCERTAIN");
        assertThat(received(1)).as("not sent a second time").isEqualTo(1);

        String gatewayId = smsc.received().getFirst().messageId();
        OutboundMessage settled = outbox.resolve(id, Outbox.Resolution.MARK_SENT, gatewayId, "manager");
        assertThat(settled.status()).isEqualTo("SENT");
        assertThat(settled.gatewayMessageId()).isEqualTo(gatewayId);
        assertThat(ledger.entries()).hasSize(1);
    }

    @Test
    void aDispatcherThatDiesAfterRecordingTheSendLeavesNothingToDo() {
        long id = message(1);
        probe.crashOnceAt(Step.RECORDED);
        Instant now = clock.now();

        assertThatThrownBy(() -> dispatcher.runOnce(now)).isInstanceOf(CrashingProbe.SimulatedCrash.class);
        OutboxDispatcher.Report restarted = dispatcher.runOnce(afterTheLease(now));

        assertThat(restarted.claimed() + restarted.recoveredToPending() + restarted.recoveredUncertain()).isZero();
        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(received(1)).isEqualTo(1);
    }

    @Test
    void theRestOfABatchWhoseDispatcherDiedIsSentOnceByTheNextDispatcher() {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 4; n++) {
            ids.add(message(n));
        }
        probe.crashOnceAt(Step.RECORDED);
        Instant now = clock.now();

        assertThatThrownBy(() -> dispatcher.runOnce(now)).isInstanceOf(CrashingProbe.SimulatedCrash.class);
        assertThat(ids.stream().map(id -> outbox.find(id).status())).containsExactly("SENT", "SENDING", "SENDING", "SENDING");

        OutboxDispatcher.Report restarted = dispatcher.runOnce(afterTheLease(now));

        assertThat(restarted.recoveredToPending()).isEqualTo(3);
        assertThat(ids.stream().map(id -> outbox.find(id).status())).containsOnly("SENT");
        for (int n = 1; n <= 4; n++) {
            assertThat(received(n)).as("message %d", n).isEqualTo(1);
        }
        assertThat(ledger.entries()).hasSize(4);
    }

    @Test
    void aDispatcherThatStalledPastItsLeaseCanNeitherSendNorRecordOnceAnotherTookTheMessageOver() {
        long id = message(1);
        Instant now = clock.now();
        List<OutboxStore.Claimed> stalled = store.claim(now, List.of(Channel.SMS), 10, java.util.UUID.randomUUID(), now.plus(properties.lease()));
        assertThat(stalled).extracting(OutboxStore.Claimed::id).containsExactly(id);

        dispatcher.runOnce(afterTheLease(now));
        assertThat(outbox.find(id).status()).isEqualTo("SENT");

        OutboxStore.Claimed late = stalled.getFirst();
        assertThat(store.startSend(late, afterTheLease(now))).isFalse();
        assertThat(store.sent(late, Accepted.of("late"), afterTheLease(now))).isFalse();
        assertThat(store.retryOrFail(late, now, true, "late")).isFalse();
        assertThat(outbox.find(id).status()).isEqualTo("SENT");
        assertThat(outbox.find(id).gatewayMessageId()).isNotEqualTo("late");
        assertThat(received(1)).isEqualTo(1);
    }

    @Test
    void anSmscThatDiesInTheMiddleOfABatchLosesNoMessageAndSendsNoneTwice() {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            ids.add(message(n));
        }
        smsc.dieWhileHandling(submit -> submit.getDestAddress().equals("13900000003"));
        Instant now = clock.now();

        OutboxDispatcher.Report first = dispatcher.runOnce(now);

        assertThat(first.sent()).isEqualTo(2);
        assertThat(first.uncertain()).as("the SMSC read message 3 and died before answering").isEqualTo(1);
        assertThat(first.retried()).as("messages 4-6 could not even connect").isEqualTo(3);
        assertThat(ids.stream().map(id -> outbox.find(id).status()))
                .containsExactly("SENT", "SENT", "UNCERTAIN", "PENDING", "PENDING", "PENDING");

        assertThat(dispatcher.runOnce(now.plus(properties.backoff(1))).sent()).as("the SMSC is still down").isZero();
        smsc.start();
        Instant later = now.plus(properties.backoff(1)).plus(properties.backoff(2));
        OutboxDispatcher.Report afterRestart = dispatcher.runOnce(later);

        assertThat(afterRestart.sent()).isEqualTo(3);
        assertThat(ids.stream().map(id -> outbox.find(id).status())).containsExactly("SENT", "SENT", "UNCERTAIN", "SENT", "SENT", "SENT");
        // The SMSC crashed before storing message 3 (its log shows no id for it): a person resends it.
        outbox.resolve(ids.get(2), Outbox.Resolution.RESEND, null, "manager");
        dispatcher.runOnce(later.plus(Duration.ofSeconds(1)));

        for (int n = 1; n <= 6; n++) {
            assertThat(received(n)).as("message %d accepted by the SMSC exactly once", n).isEqualTo(1);
            assertThat(outbox.find(ids.get(n - 1)).status()).isEqualTo("SENT");
        }
        assertThat(ledger.entries()).as("one ledger attempt per message").hasSize(6);
    }
}
