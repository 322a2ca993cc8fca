package dev.recoup.taskmessages;

import dev.recoup.casework.Task;
import dev.recoup.casework.TaskStatus;
import dev.recoup.casework.Tasks;
import dev.recoup.contact.domain.HoldKind;
import dev.recoup.contact.outbox.OutboundMessage;
import dev.recoup.contact.outbox.Outbox;
import dev.recoup.contact.outbox.OutboxDispatcher;
import dev.recoup.contact.persistence.HoldStore;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.strategy.StrategyCatalogue;
import dev.recoup.strategy.StrategyVersion;
import dev.recoup.strategy.domain.StepType;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The strategy's SMS, e-mail and letter tasks sent through the outbox, end to end: a real daily run
 * applies a strategy whose steps name message templates, the job enqueues, the outbox's gate decides.
 */
@RecoupIntegrationTest
class TaskMessagesTest {

    static final LocalDate DAY = LocalDate.parse("2026-02-11");

    @Autowired JdbcClient jdbc;
    @Autowired MessageTemplates templates;
    @Autowired StrategyCatalogue catalogue;
    @Autowired DailyRunService runs;
    @Autowired TaskMessageDispatcher dispatcher;
    @Autowired OutboxDispatcher outboxDispatcher;
    @Autowired Outbox outbox;
    @Autowired HoldStore holds;
    @Autowired Tasks tasks;
    @Autowired BusinessClock clock;
    PortfolioFixture portfolio;

    @BeforeEach
    void debtorsAndAStrategyThatWritesToThem() {
        TestDatabase.clean(jdbc);
        templates.seedDefaults();
        portfolio = new PortfolioFixture(jdbc);
        // 李四 paid the first instalment only: 2,000 yuan 1 day late on 11 Feb; phone, e-mail and a postal address.
        portfolio.customer("LS").account("LS-1", "LS", "2026-01-10", 6, 2000).payment("LS-1", "2026-01-10", 2000);
        contact("LS", "13800138000", "lisi@example.com", "北京市朝阳区建国路1号", true);
        // 王五 never paid since August 2025: a phone only (no e-mail, no address).
        portfolio.customer("WW").account("WW-1", "WW", "2025-08-01", 12, 500);
        contact("WW", "13900139000", null, null, true);
        StrategyVersion v = catalogue.create("messages", "短信邮件信函", new StrategyDefinition("短信邮件信函", "every kind of message step", List.of(
                new StrategyDefinition.Segment("all", "全部", "All", "true", "robot-sms", List.of(
                        new StrategyDefinition.Step("sms", StepType.SMS, 0, 0, null, null, "sms.reminder", null),
                        new StrategyDefinition.Step("email", StepType.EMAIL, 0, 0, null, null, "email.risk-warning", null),
                        new StrategyDefinition.Step("letter", StepType.LETTER, 0, 0, null, null, "letter.reminder", null),
                        new StrategyDefinition.Step("demand", StepType.LETTER, 0, 0, null, "legal", "DEMAND_LETTER", null),
                        new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, 0, null, "phone-t2", "FIND_CAUSE", null))))), null, "manager");
        catalogue.activate("messages", v.version(), "manager", null);
    }

    void contact(String customerRef, String phone, String email, String address, boolean valid) {
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone, email, address, valid)
                select ?, id, 'self', name, ?, ?, ?, ? from customer where customer_ref = ?""")
                .params(customerRef + "-SELF-" + phone, phone, email, address, valid, customerRef).update();
    }

    void run(LocalDate date) {
        assertThat(runs.runToCompletion(date, "test").status()).isEqualTo("COMPLETED");
    }

    long caseOf(String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ? and c.status = 'OPEN'")
                .param(customerRef).query(Long.class).single();
    }

    Task task(String customerRef, String step) {
        return tasks.ofCase(caseOf(customerRef)).stream().filter(t -> t.stepKey().equals("all/" + step)).findFirst().orElseThrow();
    }

    List<OutboundMessage> messagesOf(String customerRef) {
        return outbox.search(null, caseOf(customerRef), null, 0, 100);
    }

    OutboundMessage messageOf(Task task) {
        return jdbc.sql("select id from outbound_message where idempotency_key = ?").param("task/" + task.id()).query(Long.class).optional()
                .map(outbox::find).orElse(null);
    }

    long selfContactOf(String customerRef) {
        return jdbc.sql("select k.id from contact k join customer c on c.id = k.customer_id where c.customer_ref = ? and k.role = 'self' order by k.id limit 1")
                .param(customerRef).query(Long.class).single();
    }

    @Test
    void aDueStrategySmsTaskIsEnqueuedOnceAndDone() {
        run(DAY);

        TaskMessageDispatcher.Report first = dispatcher.runOnce(DAY);
        TaskMessageDispatcher.Report second = dispatcher.runOnce(DAY);

        Task sms = task("LS", "sms");
        OutboundMessage message = messageOf(sms);
        assertThat(message.channel()).isEqualTo("SMS");
        assertThat(message.caseId()).isEqualTo(caseOf("LS"));
        assertThat(message.contactId()).isEqualTo(selfContactOf("LS"));
        assertThat(message.endpoint()).isEqualTo("13800138000");
        assertThat(message.requestedBy()).isEqualTo("strategy");
        assertThat(message.status()).as("no SMS gateway in the tests: it waits in the outbox").isEqualTo("PENDING");
        assertThat(sms.status()).isEqualTo(TaskStatus.DONE);
        assertThat(sms.outcome()).isEqualTo("MESSAGE_SENT");
        assertThat(sms.outcomeNote()).contains("message " + message.id() + " queued in the outbox");
        assertThat(sms.completedBy()).isEqualTo("strategy");
        assertThat(sms.onTime()).as("due " + DAY + ", done today").isFalse();
        assertThat(jdbc.sql("select count(*) from outbound_message where idempotency_key = ?").param("task/" + sms.id()).query(Long.class).single())
                .isEqualTo(1);
        assertThat((long) first.enqueued()).isEqualTo(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isPositive();
        assertThat(second.tasks()).as("the second run finds nothing left to send").isZero();
        assertThat(second.enqueued()).isZero();
    }

    @Test
    void theMessageSpeaksOfTheCasesMostOverdueAccountWithItsAmountDueDateAndDaysLate() {
        // 李四 has a second, smaller loan: 300 yuan due 1 Feb, 10 days late.
        portfolio.account("LS-0002", "LS", "2026-02-01", 3, 300);
        run(DAY);
        dispatcher.runOnce(DAY);

        OutboundMessage sms = messageOf(task("LS", "sms"));
        assertThat(sms.body()).isEqualTo("【瑞可客户服务中心】客户LS您好，您在瑞可示例消费金融有限公司的账户（尾号LS-1）尚有2,000.00元待还，请尽快处理。"
                + "如已还款请忽略，如有疑问请致电400-800-1234。回T退订");
        assertThat(sms.accountIds()).as("the message is about the loan it names").containsExactly(
                jdbc.sql("select id from account where account_ref = 'LS-1'").query(Long.class).single());
        OutboundMessage email = messageOf(task("LS", "email"));
        assertThat(email.endpoint()).isEqualTo("lisi@example.com");
        assertThat(email.body()).contains("已逾期1天，逾期金额2,000.00元");
        OutboundMessage letter = messageOf(task("LS", "letter"));
        assertThat(letter.endpoint()).isEqualTo("北京市朝阳区建国路1号");
        assertThat(letter.body()).contains("您在瑞可示例消费金融有限公司办理的个人消费贷款（账户尾号LS-1）目前尚有2,000.00元待还");
    }

    @Test
    void aTaskForADebtorWithoutAnEmailAddressIsLeftForPeopleWithTheReason() {
        run(DAY);

        TaskMessageDispatcher.Report report = dispatcher.runOnce(DAY);

        Task email = task("WW", "email");
        assertThat(email.status()).isEqualTo(TaskStatus.CANCELLED);
        assertThat(email.cancelReason()).isEqualTo("NO_CONTACT_FOR_CHANNEL");
        assertThat(email.completedBy()).isEqualTo("strategy");
        assertThat(task("WW", "letter").cancelReason()).as("no address either").isEqualTo("NO_CONTACT_FOR_CHANNEL");
        assertThat(task("WW", "sms").outcome()).as("the phone is there").isEqualTo("MESSAGE_SENT");
        assertThat(messagesOf("WW")).extracting(OutboundMessage::channel).containsExactly("SMS");
        assertThat(report.noContact()).isEqualTo(2);
        assertThat(dispatcher.runOnce(DAY).tasks()).as("not picked again").isZero();
    }

    @Test
    void anInvalidOwnNumberOrARelativesNumberIsNoContactForTheDebtorsSms() {
        jdbc.sql("update contact set valid = false where phone = '13900139000'").update();
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone) select 'WW-SIS', id, 'relative', '王丽', '13700137000'
                from customer where customer_ref = 'WW'""").update();
        run(DAY);

        dispatcher.runOnce(DAY);

        assertThat(task("WW", "sms").cancelReason()).isEqualTo("NO_CONTACT_FOR_CHANNEL");
        assertThat(messagesOf("WW")).isEmpty();
    }

    @Test
    void aHeldCaseGetsNoMessage() {
        // 王五 died before the run: the run creates no contact task for him at all.
        holds.place(new HoldStore.NewHold(HoldStore.Level.CUSTOMER, null, customer("WW"), null, HoldKind.DECEASED, null, null, null, null, null, null,
                "death certificate received"), "compliance");
        run(DAY);
        // 李四 disputes the debt after the run created his tasks, before they are sent.
        holds.place(new HoldStore.NewHold(HoldStore.Level.CUSTOMER, null, customer("LS"), null, HoldKind.DISPUTE_OPEN, null, null, null, null, null, null,
                "disputes the amount"), "agent");

        TaskMessageDispatcher.Report report = dispatcher.runOnce(DAY);

        assertThat(tasks.ofCase(caseOf("WW"))).extracting(Task::type).doesNotContain("SMS", "EMAIL", "LETTER");
        assertThat(List.of(task("LS", "sms"), task("LS", "email"), task("LS", "letter")))
                .extracting(Task::status, Task::cancelReason).containsOnly(org.assertj.core.groups.Tuple.tuple(TaskStatus.CANCELLED, "CONTACT_HOLD"));
        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isZero();
        assertThat(report.held()).isEqualTo(3);
    }

    @Test
    void aMessageTheGateRefusesWhenSendingTurnsItsTaskIntoNotDeliveredWithTheRules() {
        run(DAY);
        dispatcher.runOnce(DAY);
        Task letter = task("LS", "letter");
        assertThat(letter.outcome()).isEqualTo("MESSAGE_SENT");
        // 李四 died after his letter was queued: the gate refuses it when the outbox comes to send it.
        holds.place(new HoldStore.NewHold(HoldStore.Level.CUSTOMER, null, customer("LS"), null, HoldKind.DECEASED, null, null, null, null, null, null,
                "death certificate received"), "compliance");

        OutboxDispatcher.Report sending = outboxDispatcher.runOnce(aWeekdayMorningAfterNow());

        OutboundMessage message = messageOf(letter);
        assertThat(sending.blocked()).isPositive();
        assertThat(message.status()).isEqualTo("BLOCKED");
        assertThat(message.blockReasons()).extracting(r -> r.get("ruleId")).contains("CN-HOLD-DECEASED");
        Task revised = tasks.find(letter.id());
        assertThat(revised.status()).isEqualTo(TaskStatus.DONE);
        assertThat(revised.outcome()).isEqualTo("MESSAGE_NOT_DELIVERED");
        assertThat(revised.outcomeNote()).contains("message " + message.id() + " queued in the outbox")
                .contains("message " + message.id() + " BLOCKED: contact gate refused it (").contains("CN-HOLD-DECEASED");
        assertThat(tasks.stats(caseOf("LS")).followUps()).as("the undelivered letter was no contact").isEqualTo(
                tasks.ofCase(caseOf("LS")).stream().filter(t -> "MESSAGE_SENT".equals(t.outcome())).count());
        assertThat(jdbc.sql("select count(*) from contact_attempt").query(Long.class).single()).as("a refusal is not an attempt").isZero();
    }

    @Test
    void aTaskWhoseTemplateIsALegalDocumentOrATalkTrackStaysWithPeople() {
        run(DAY);

        dispatcher.runOnce(DAY);

        Task demand = task("LS", "demand");
        assertThat(demand.status()).isEqualTo(TaskStatus.OPEN);
        assertThat(demand.queue()).isEqualTo("legal");
        assertThat(messageOf(demand)).isNull();
        assertThat(task("LS", "call").status()).isEqualTo(TaskStatus.OPEN);
    }

    @Test
    void aTaskNotYetDueOrOnAClosedCaseSendsNothing() {
        run(DAY);

        TaskMessageDispatcher.Report dayBefore = dispatcher.runOnce(DAY.minusDays(1));

        assertThat(dayBefore.tasks()).isZero();
        assertThat(task("LS", "sms").status()).isEqualTo(TaskStatus.OPEN);
        jdbc.sql("update collection_case set status = 'CLOSED', closed_on = ? where id = ?").params(DAY, caseOf("WW")).update();
        dispatcher.runOnce(DAY);
        assertThat(jdbc.sql("select count(*) from outbound_message m join collection_case c on c.id = m.case_id where c.status = 'CLOSED'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void aBatchSmallerThanTheWorkStillSendsEverythingInOneRun() {
        run(DAY);
        long messageTasks = jdbc.sql("select count(*) from task where type in ('SMS', 'EMAIL', 'LETTER') and template like '%.%'")
                .query(Long.class).single();

        TaskMessageDispatcher.Report report = new TaskMessageDispatcher(store, tasks, cases, outboundMessages, templates, contactHolds,
                new TaskMessageProperties(2, "zh-CN", "瑞可", "示例金融", "4008001234", "App还款"), clock, transactions).runOnce(DAY);

        assertThat(report.tasks()).isEqualTo(messageTasks).isEqualTo(6);
        assertThat(report.batches()).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from task where type in ('SMS', 'EMAIL', 'LETTER') and template like '%.%' and status = 'OPEN'")
                .query(Long.class).single()).isZero();
    }

    @Autowired org.springframework.test.web.servlet.MockMvc mvc;

    @Test
    void aManagerSendsTheDueMessageTasksNowAndAnAgentMayNot() throws Exception {
        run(DAY);

        mvc.perform(post("/api/v1/task-messages/dispatch").with(httpBasic("agent", "recoup-agent"))).andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isZero();
        mvc.perform(post("/api/v1/task-messages/dispatch").with(httpBasic("manager", "recoup-manager")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enqueued").value(4)).andExpect(jsonPath("$.noContact").value(2));
        assertThat(task("LS", "sms").outcome()).isEqualTo("MESSAGE_SENT");
    }

    @Autowired dev.recoup.taskmessages.persistence.MessageTaskStore store;
    @Autowired dev.recoup.casework.CaseQueries cases;
    @Autowired dev.recoup.contact.OutboundMessages outboundMessages;
    @Autowired dev.recoup.contact.ContactHolds contactHolds;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    long customer(String ref) {
        return jdbc.sql("select id from customer where customer_ref = ?").param(ref).query(Long.class).single();
    }

    /** A weekday at 10:30 in Beijing after now: holds placed now are in force, no quiet hours. */
    Instant aWeekdayMorningAfterNow() {
        ZonedDateTime day = clock.zonedNow().plusDays(1);
        while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1);
        }
        return day.with(LocalTime.of(10, 30)).toInstant();
    }
}
