package dev.recoup.contact.channel.sms;

import dev.recoup.contact.outbox.Accepted;
import dev.recoup.contact.outbox.GatewayException;
import dev.recoup.contact.outbox.Outgoing;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.testing.TestSmsc;
import dev.recoup.shared.BusinessClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The SMPP client on its own against a real SMPP server: long texts in one message_payload, and how failures are classified. */
class SmppPayloadModeTest {

    final int port = TestSmsc.freePort();
    final TestSmsc smsc = new TestSmsc(port);
    SmppGateway gateway;

    SmppGateway gateway(SmppProperties.LongMessages mode) {
        SmppProperties properties = new SmppProperties("127.0.0.1", port, "recoup", "secret", null, "10690001", null, null, null, null, true, mode,
                Duration.ofSeconds(3), Duration.ofSeconds(3), Duration.ofSeconds(30));
        gateway = new SmppGateway(properties, null, new BusinessClock(Clock.systemUTC()));
        return gateway;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.unbind();
        }
        smsc.stop();
    }

    @Test
    void aLongChineseTextTravelsInOneSubmitSmWithMessagePayload() throws Exception {
        smsc.start();
        String text = "张三您好，" + "这是一条很长的中文短信，用于检验长短信的发送。".repeat(6) + "回T退订";

        Accepted accepted = gateway(SmppProperties.LongMessages.PAYLOAD).send(new Outgoing(1, "13800138000", "张三", null, text, Language.ZH_CN));

        assertThat(smsc.received()).singleElement().satisfies(pdu -> {
            assertThat(pdu.shortMessage()).isEmpty();
            assertThat(pdu.payload()).isNotNull();
            assertThat(pdu.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(pdu.text()).isEqualTo(text);
            assertThat(pdu.messageId()).isEqualTo(accepted.messageId());
        });
        assertThat(accepted.segmentIds()).containsExactly(accepted.messageId());
    }

    @Test
    void noSmscIsNotSentAndMayBeRetried() {
        assertThatThrownBy(() -> gateway(SmppProperties.LongMessages.UDH).send(new Outgoing(1, "13800138000", "张三", null, "您好", Language.ZH_CN)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.NOT_SENT));
    }

    @Test
    void aSegmentRefusedAfterTheFirstWentOutIsAmbiguous() {
        smsc.start();
        SmppGateway udh = gateway(SmppProperties.LongMessages.UDH);
        smsc.dieWhileHandling(submit -> (submit.getShortMessage()[5] & 0xFF) == 2);

        assertThatThrownBy(() -> udh.send(new Outgoing(1, "13800138000", "张三", null, "长".repeat(100), Language.ZH_CN)))
                .isInstanceOfSatisfying(GatewayException.class, e -> assertThat(e.kind()).isEqualTo(GatewayException.Kind.AMBIGUOUS));
        assertThat(smsc.received()).hasSize(2);
    }
}
