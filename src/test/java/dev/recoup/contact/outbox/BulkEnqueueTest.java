package dev.recoup.contact.outbox;

import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundMessages.EnqueueResult;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.testing.ContactFixture;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Many messages enqueued in one call: the same rules as one by one, and one refused request never stops the others. */
@RecoupIntegrationTest
class BulkEnqueueTest {

    static final Map<String, String> VALUES = Map.of("senderName", "瑞可", "lenderName", "示例金融", "overdueAmount", "100.00元",
            "callBackNumber", "4008001234", "accountTail", "0001");

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired OutboundMessages outbox;
    long caseId;
    long debtor;
    long sister;
    long otherCustomersContact;

    @BeforeEach
    void aDebtorWithAPhoneAndNoEmail() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        ContactFixture fixture = new ContactFixture(jdbc);
        long customer = fixture.customer("C1", "王芳", "上海市黄浦区南京东路1号");
        caseId = fixture.openCase(customer);
        debtor = fixture.contact(customer, "C1-SELF", "self", "王芳", "13800138000", null, null);
        sister = fixture.contact(customer, "C1-SIS", "relative", "王丽", "13900139000", null, null);
        long other = fixture.customer("C2", "李雷", null);
        otherCustomersContact = fixture.contact(other, "C2-SELF", "self", "李雷", "13700137000", null, null);
    }

    OutboundRequest request(String key, long contact, Channel channel, String template) {
        return new OutboundRequest(key, caseId, Set.of(), contact, channel, template, null, null, "zh-CN", VALUES, "test");
    }

    @Test
    void eachRequestGetsItsOwnAnswerInOrderAndTheRefusedOnesEnqueueNothing() {
        List<EnqueueResult> results = outbox.enqueueAll(List.of(
                request("k-sms", debtor, Channel.SMS, "sms.reminder"),
                request("k-email", debtor, Channel.EMAIL, "email.reminder"),
                request("k-letter", debtor, Channel.LETTER, "letter.invitation-to-negotiate"),
                request("k-other", otherCustomersContact, Channel.SMS, "sms.reminder"),
                request("k-nobody", 999_999, Channel.SMS, "sms.reminder"),
                request("k-nothing", debtor, Channel.SMS, "sms.no-such-template"),
                request("k-promise", debtor, Channel.SMS, "sms.promise-reminder")));

        assertThat(results).hasSize(7);
        assertThat(results.get(0).refused()).isFalse();
        assertThat(results.get(0).enqueued().created()).isTrue();
        assertThat(results.get(1).refusal()).isEqualTo("contactId: the contact has no e-mail address");
        assertThat(results.get(2).refused()).as("a letter to the debtor's own address, from the customer").isFalse();
        assertThat(results.get(3).refusal()).contains("another customer than case " + caseId);
        assertThat(results.get(4).refusal()).contains("No contact with id '999999'");
        assertThat(results.get(5).refusal()).isEqualTo("templateCode: no template with this code");
        assertThat(results.get(6).refusal()).startsWith("variables.").contains("give it a value");
        assertThat(jdbc.sql("select idempotency_key from outbound_message order by id").query(String.class).list())
                .containsExactly("k-sms", "k-letter");
        assertThat(jdbc.sql("select endpoint from outbound_message where idempotency_key = 'k-letter'").query(String.class).single())
                .isEqualTo("上海市黄浦区南京东路1号");
    }

    @Test
    void aMessageEnqueuedInBulkIsTheSameAsOneEnqueuedAlone() {
        long alone = outbox.enqueue(request("k-alone", debtor, Channel.SMS, "sms.reminder")).messageId();
        long inBulk = outbox.enqueueAll(List.of(request("k-bulk", debtor, Channel.SMS, "sms.reminder"))).getFirst().enqueued().messageId();

        String columns = "case_id, account_ids::text, contact_id, channel, purpose, carries_debt_details, endpoint, recipient_name, template_version_id,"
                + " language, subject, body, status, requested_by";
        assertThat(jdbc.sql("select " + columns + " from outbound_message where id = ?").param(inBulk).query().singleRow())
                .isEqualTo(jdbc.sql("select " + columns + " from outbound_message where id = ?").param(alone).query().singleRow());
        assertThat(jdbc.sql("select body from outbound_message where id = ?").param(inBulk).query(String.class).single())
                .startsWith("【瑞可】王芳您好").endsWith("回T退订");
    }

    @Test
    void aRepeatedKeyReturnsTheMessageAlreadyThereAndTheSameKeyForAnotherContactIsRefused() {
        long first = outbox.enqueue(request("task/1", debtor, Channel.SMS, "sms.reminder")).messageId();

        List<EnqueueResult> results = outbox.enqueueAll(List.of(
                request("task/1", debtor, Channel.SMS, "sms.reminder"),
                request("task/2", debtor, Channel.SMS, "sms.reminder"),
                request("task/2", debtor, Channel.SMS, "sms.reminder"),
                request("task/1", sister, Channel.SMS, "sms.third-party-call-back")));

        assertThat(results.get(0).enqueued()).isEqualTo(new OutboundMessages.Enqueued(first, false, "PENDING"));
        assertThat(results.get(1).enqueued().created()).isTrue();
        assertThat(results.get(2).enqueued()).as("the same key twice in one call: one message")
                .isEqualTo(new OutboundMessages.Enqueued(results.get(1).enqueued().messageId(), false, "PENDING"));
        assertThat(results.get(3).refusal()).contains("Idempotency key 'task/1' was used for message " + first);
        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void enqueuingOneStillThrowsWhatItThrewBefore() {
        assertThatThrownBy(() -> outbox.enqueue(request("k", 999_999, Channel.SMS, "sms.reminder"))).isInstanceOf(NotFoundException.class);
        outbox.enqueue(request("k", debtor, Channel.SMS, "sms.reminder"));
        assertThatThrownBy(() -> outbox.enqueue(request("k", sister, Channel.SMS, "sms.third-party-call-back"))).isInstanceOf(ConflictException.class);
    }
}
