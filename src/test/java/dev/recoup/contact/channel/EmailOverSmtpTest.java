package dev.recoup.contact.channel;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.outbox.OutboxProperties;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.testing.ChannelsTestBase;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.contact.testing.ControllableGate;
import dev.recoup.contact.testing.InMemoryLedger;
import dev.recoup.shared.BusinessClock;
import dev.recoup.support.TestDatabase;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class EmailOverSmtpTest extends ChannelsTestBase {

    @RegisterExtension
    static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxProperties properties;
    @Autowired ControllableGate gate;
    @Autowired InMemoryLedger ledger;
    @Autowired BusinessClock clock;
    @Autowired MockMvc mvc;
    ContactFixture fixture;
    long customer;
    long caseId;
    long debtor;

    static final Map<String, String> VALUES = Map.of("senderName", "瑞可客户服务中心", "lenderName", "示例消费金融", "accountTail", "6789",
            "overdueAmount", "1,234.56元", "dueDate", "2026年11月20日", "paymentMethod", "登录示例App“立即还款”", "callBackNumber", "400-800-1234");

    @BeforeEach
    void aDebtorWithAnEmailAddress() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        gate.reset();
        ledger.clear();
        fixture = new ContactFixture(jdbc);
        customer = fixture.customer("C1", "张三", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
        debtor = fixture.contact(customer, "C1-SELF", "self", "张三", "13800138000", "zhangsan@example.cn", null);
    }

    long enqueue(String key, long contact) {
        return outbox.enqueue(new OutboundRequest(key, caseId, Set.of(), contact, Channel.EMAIL, "email.first-day-reminder", null, null, "zh-CN",
                VALUES, "agent")).messageId();
    }

    @Test
    void aChineseFirstDayReminderArrivesWithItsSubjectUtf8BodyAndTheOptOutLine() throws Exception {
        long id = enqueue("task/1/email", debtor);

        assertThat(dispatcher.runOnce().sent()).isEqualTo(1);

        MimeMessage[] received = mail.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage email = received[0];
        assertThat(email.getSubject()).isEqualTo("您的示例消费金融账户应还款项尚未到账");
        assertThat(((InternetAddress) email.getAllRecipients()[0]).getAddress()).isEqualTo("zhangsan@example.cn");
        assertThat(((InternetAddress) email.getFrom()[0]).getAddress()).isEqualTo("service@recoup.example");
        assertThat(email.getContentType()).containsIgnoringCase("charset=UTF-8");
        String body = ((String) email.getContent()).replace("\r\n", "\n");
        assertThat(body).contains("张三您好：", "应于2026年11月20日还款1,234.56元", "还款方式：登录示例App“立即还款”")
                .endsWith("如不希望再收到此类邮件，请回复“退订”。");
        OutboundMessage message = outbox.find(id);
        assertThat(body).isEqualTo(message.body());
        assertThat(email.getMessageID()).isEqualTo(message.gatewayMessageId()).isEqualTo("<recoup.outbound." + id + "@recoup.example>");
        assertThat(email.getHeader("X-Recoup-Outbound-Id")).containsExactly(String.valueOf(id));
        assertThat(ledger.entry(message.ledgerAttemptId()).attempt().endpoint()).isEqualTo("zhangsan@example.cn");
        assertThat(ledger.entry(message.ledgerAttemptId()).attempt().channel()).isEqualTo(Channel.EMAIL);
    }

    @Test
    void aBounceReportedByItsMessageIdFailsTheMessageAndBouncesTheLedgerAttempt() throws Exception {
        long id = enqueue("k1", debtor);
        dispatcher.runOnce();
        String messageId = outbox.find(id).gatewayMessageId();

        mvc.perform(post("/api/v1/outbound-messages/bounces").with(httpBasic("manager", "recoup-manager")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messageId\": \"" + messageId + "\", \"detail\": \"550 5.1.1 user unknown\"}"))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.applied").value(true));

        OutboundMessage bounced = outbox.find(id);
        assertThat(bounced.status()).isEqualTo("FAILED");
        assertThat(bounced.lastError()).contains("550 5.1.1 user unknown");
        assertThat(ledger.entry(bounced.ledgerAttemptId()).outcome()).isEqualTo(Outcome.BOUNCED);
    }

    @Test
    void anAgentCannotReportBounces() throws Exception {
        mvc.perform(post("/api/v1/outbound-messages/bounces").with(httpBasic("agent", "recoup-agent")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"messageId\": \"<x@y>\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void aMailServerThatGoesDownMidBatchLosesNoEmailAndSendsNoneTwice() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            long contact = fixture.contact(customer, "C1-" + n, "self", "张三", null, "zhang" + n + "@example.cn", null);
            ids.add(enqueue("batch/" + n, contact));
        }
        Instant now = clock.now();
        // Two go out, then the server stops.
        jdbc.sql("update outbound_message set next_attempt_at = next_attempt_at + interval '1 hour' where id = any(?)")
                .param(ids.subList(2, 5).toArray(Long[]::new)).update();
        assertThat(dispatcher.runOnce(now).sent()).isEqualTo(2);
        assertThat(recipients()).containsExactlyInAnyOrder("zhang1@example.cn", "zhang2@example.cn");
        mail.stop();
        jdbc.sql("update outbound_message set next_attempt_at = ? where id = any(?)")
                .params(java.time.OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC), ids.subList(2, 5).toArray(Long[]::new)).update();

        OutboxDispatcher.Report down = dispatcher.runOnce(now);

        assertThat(down.retried()).isEqualTo(3);
        assertThat(ids.stream().map(id -> outbox.find(id).status())).containsExactly("SENT", "SENT", "PENDING", "PENDING", "PENDING");

        mail.start();
        assertThat(dispatcher.runOnce(now.plus(properties.backoff(1))).sent()).isEqualTo(3);

        List<String> after = recipients();
        for (String missed : List.of("zhang3@example.cn", "zhang4@example.cn", "zhang5@example.cn")) {
            assertThat(after).as("after the restart the server has %s once", missed).containsOnlyOnce(missed);
        }
        assertThat(after).as("the two sent before the stop were not sent again")
                .filteredOn(r -> r.equals("zhang1@example.cn") || r.equals("zhang2@example.cn")).doesNotHaveDuplicates();
        assertThat(after.size()).isIn(3, 5);
        assertThat(ids.stream().map(id -> outbox.find(id).status())).containsOnly("SENT");
        assertThat(ledger.entries()).hasSize(5);
        assertThat(Arrays.stream(mail.getReceivedMessages()).map(GreenMailUtil::getBody)).allSatisfy(b -> assertThat(b).isNotBlank());
    }

    private static List<String> recipients() throws Exception {
        List<String> recipients = new ArrayList<>();
        for (MimeMessage m : mail.getReceivedMessages()) {
            recipients.add(((InternetAddress) m.getAllRecipients()[0]).getAddress());
        }
        return recipients;
    }
}
