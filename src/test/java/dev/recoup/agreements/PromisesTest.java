package dev.recoup.agreements;

import dev.recoup.agreements.domain.PromiseStatus;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.dailyrun.DailyRunService;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.support.PortfolioFixture;
import dev.recoup.support.QuietStrategy;
import dev.recoup.support.RecoupIntegrationTest;
import dev.recoup.support.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@RecoupIntegrationTest
class PromisesTest {

    @Autowired DailyRunService runs;
    @Autowired Promises promises;
    @Autowired CaseFlow flow;
    @Autowired MessageTemplates templates;
    @Autowired JdbcClient jdbc;
    @Autowired dev.recoup.payments.PaymentPosting payments;
    @Autowired BusinessClock clock;
    @Autowired AgreementReminders reminders;
    @Autowired dev.recoup.strategy.StrategyCatalogue strategies;
    AgreementsFixture fixture;
    LocalDate today;
    long zhang;

    @BeforeEach
    void zhangSanOwesTwoInstalmentsOfAThousandYuan() {
        TestDatabase.clean(jdbc);
        QuietStrategy.activate(jdbc);
        templates.seedDefaults();
        today = clock.today();
        new PortfolioFixture(jdbc).customer("ZS").account("ZS-1", "ZS", today.minusDays(45).toString(), 6, 1000)
                .customer("LS").account("LS-1", "LS", today.minusDays(45).toString(), 6, 1000);
        fixture = new AgreementsFixture(jdbc);
        runs.runToCompletion(today, "test");
        zhang = fixture.caseOf("ZS");
    }

    private Promise promise(long caseId, LocalDate on, long fen) {
        return promises.record(caseId, new NewPromise(on, fen, "PHONE", null, null, "客户承诺发工资后还款"), "agent");
    }

    @Test
    void aPromisePaidWithinGraceIsKept() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);
        // Two days after the promised date: within the three grace days.
        fixture.payment("ZS-1", today.plusDays(4), 1000_00);

        runs.runToCompletion(today.plusDays(4), "test");

        Promise judged = promises.find(promise.id());
        assertThat(judged.status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(judged.paidMinor()).isEqualTo(1000_00);
        assertThat(judged.judgedOn()).isEqualTo(today.plusDays(4));
        assertThat(judged.judgedBy()).isEqualTo("DAILY_RUN");
    }

    @Test
    void aPromisePaidOnlyAfterItsGraceDaysIsBroken() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);
        fixture.payment("ZS-1", today.plusDays(6), 1000_00);

        runs.runToCompletion(today.plusDays(6), "test");

        assertThat(promises.find(promise.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PromiseStatus.BROKEN);
            assertThat(p.paidMinor()).isZero();
            assertThat(p.graceEndsOn()).isEqualTo(today.plusDays(5));
        });
    }

    @Test
    void aPromiseIsNotJudgedBrokenBeforeItsGraceDaysEnd() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);

        runs.runToCompletion(today.plusDays(5), "test");
        assertThat(promises.find(promise.id()).status()).isEqualTo(PromiseStatus.OPEN);

        runs.runToCompletion(today.plusDays(6), "test");
        assertThat(promises.find(promise.id()).status()).isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void aPromisePaidInPartIsPartlyKept() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);
        fixture.payment("ZS-1", today.plusDays(1), 400_00);

        runs.runToCompletion(today.plusDays(6), "test");

        assertThat(promises.find(promise.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PromiseStatus.PARTLY_KEPT);
            assertThat(p.paidMinor()).isEqualTo(400_00);
        });
    }

    @Test
    void aPromisePaidWithinTheToleranceIsKept() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);
        assertThat(promise.requiredMinor()).as("95 %% of the amount").isEqualTo(950_00);
        fixture.payment("ZS-1", today.plusDays(2), 950_00);

        runs.runToCompletion(today.plusDays(2), "test");

        assertThat(promises.find(promise.id()).status()).isEqualTo(PromiseStatus.KEPT);
    }

    @Test
    void importedPaymentsOnOtherCustomersDoNotKeepAPromise() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);
        fixture.payment("LS-1", today.plusDays(1), 1000_00);

        runs.runToCompletion(today.plusDays(6), "test");

        assertThat(promises.find(promise.id()).status()).isEqualTo(PromiseStatus.BROKEN);
    }

    @Test
    void aPaymentPostedDuringTheDayKeepsThePromiseAtOnce() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);

        fixture.postPayment(payments, "ZS-1", today, 1000_00);

        Promise kept = promises.find(promise.id());
        assertThat(kept.status()).isEqualTo(PromiseStatus.KEPT);
        assertThat(kept.judgedBy()).isEqualTo("PAYMENT");
        assertThat(kept.judgedOn()).isEqualTo(today);
    }

    @Test
    void aSmallPaymentPostedDuringTheDayIsCountedButLeavesThePromiseOpen() {
        Promise promise = promise(zhang, today.plusDays(2), 1000_00);

        fixture.postPayment(payments, "ZS-1", today, 300_00);

        assertThat(promises.find(promise.id())).satisfies(p -> {
            assertThat(p.status()).isEqualTo(PromiseStatus.OPEN);
            assertThat(p.paidMinor()).isEqualTo(300_00);
        });
    }

    @Test
    void recordingAPromiseMovesTheCaseToNegotiation() {
        assertThat(flow.flowOf(zhang).stage()).isNotEqualTo(CaseStage.NEGOTIATION);

        promise(zhang, today.plusDays(2), 1000_00);

        assertThat(flow.flowOf(zhang).stage()).isEqualTo(CaseStage.NEGOTIATION);
        assertThat(flow.flowOf(zhang).history().getLast().reason()).isEqualTo("PROMISE_TO_PAY");
    }

    @Test
    void aCaseHasOneOpenPromiseAtATime() {
        Promise first = promise(zhang, today.plusDays(2), 1000_00);

        assertThatThrownBy(() -> promise(zhang, today.plusDays(5), 500_00)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("open promise");

        promises.cancel(first.id(), "客户改约", "agent");
        assertThat(promise(zhang, today.plusDays(5), 500_00).status()).isEqualTo(PromiseStatus.OPEN);
        assertThat(promises.find(first.id()).status()).isEqualTo(PromiseStatus.CANCELLED);
    }

    @Test
    void aPromiseNamesADateFromTodayAndAPositiveAmount() {
        assertThatThrownBy(() -> promise(zhang, today.minusDays(1), 1000_00)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("promisedOn"));
        assertThatThrownBy(() -> promise(zhang, today.plusDays(31), 1000_00)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> promise(zhang, today.plusDays(1), 0)).isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("amountMinor"));
        assertThatThrownBy(() -> promises.record(zhang, new NewPromise(today, 100L, "PHONE", null, List.of("LS-1"), null), "agent"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not an account of the case's customer");
    }

    @Test
    void aPromiseCoveringOneAccountCountsOnlyPaymentsOnIt() {
        new PortfolioFixture(jdbc).account("ZS-2", "ZS", today.minusDays(45).toString(), 6, 500);
        Promise promise = promises.record(zhang, new NewPromise(today.plusDays(1), 1000_00L, "SMS", null, List.of("ZS-1"), null), "agent");
        fixture.payment("ZS-2", today.plusDays(1), 1000_00);

        runs.runToCompletion(today.plusDays(5), "test");

        assertThat(promises.find(promise.id()).status()).isEqualTo(PromiseStatus.BROKEN);
        assertThat(promises.find(promise.id()).accountIds()).containsExactly("ZS-1");
    }

    @Test
    void remindersGoToTheOutboxBeforeThePromisedDateOnceEach() {
        fixture.selfContactWithPhone("ZS", "13800138000");
        Promise promise = promise(zhang, today.plusDays(3), 1234_56);

        assertThat(reminders.send(today)).isEqualTo(new AgreementReminders.Sent(1, 0));
        assertThat(reminders.send(today)).as("the same day again sends nothing twice").isEqualTo(new AgreementReminders.Sent(0, 0));

        List<String> bodies = jdbc.sql("select body from outbound_message where idempotency_key like 'promise/%' order by id").query(String.class).list();
        assertThat(bodies).singleElement().satisfies(body -> assertThat(body).contains("1,234.56元").contains(
                today.plusDays(3).getYear() + "年" + today.plusDays(3).getMonthValue() + "月" + today.plusDays(3).getDayOfMonth() + "日"));

        reminders.send(today.plusDays(1));
        reminders.send(today.plusDays(2));

        assertThat(promises.find(promise.id()).reminders()).extracting(Promise.Reminder::daysBefore).containsExactly(3, 1);
        assertThat(jdbc.sql("select count(*) from outbound_message where case_id = ? and purpose = 'PROMISE_REMINDER' and status = 'PENDING'")
                .param(zhang).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void noReminderGoesForAPromiseAlreadyKeptOrToACustomerWithoutAPhone() {
        fixture.selfContactWithPhone("ZS", "13800138000");
        promise(zhang, today.plusDays(1), 1000_00);
        promise(fixture.caseOf("LS"), today.plusDays(1), 1000_00);
        fixture.postPayment(payments, "ZS-1", today, 1000_00);

        assertThat(reminders.send(today)).isEqualTo(new AgreementReminders.Sent(0, 0));
    }

    @Test
    void aReminderTheOutboxRefusesIsSkippedAndGoesOnceTheTemplateIsMended() {
        fixture.selfContactWithPhone("ZS", "13800138000");
        Promise promise = promise(zhang, today.plusDays(3), 1000_00);
        // Someone changed the reminder to need a value the agreements module does not give.
        jdbc.sql("""
                update message_template_version v set body_zh = body_zh || '尾号{{accountTail}}'
                from message_template t where t.id = v.template_id and t.code = 'sms.promise-reminder'""").update();

        assertThat(reminders.send(today)).isEqualTo(new AgreementReminders.Sent(0, 1));
        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isZero();
        assertThat(promises.find(promise.id()).reminders()).isEmpty();

        jdbc.sql("update message_template_version set body_zh = replace(body_zh, '尾号{{accountTail}}', '')").update();
        assertThat(reminders.send(today)).isEqualTo(new AgreementReminders.Sent(1, 0));
    }

    @Test
    void theDailyRunJudgesButSendsNoReminders() {
        fixture.selfContactWithPhone("ZS", "13800138000");
        promise(zhang, today.plusDays(3), 1000_00);

        runs.runToCompletion(today, "test");

        assertThat(jdbc.sql("select count(*) from outbound_message").query(Long.class).single()).isZero();
    }

    @Test
    void aBrokenPromiseReachesTheStrategyAsBrokenPromises() {
        strategies.create("broken", "失信", new dev.recoup.strategy.domain.StrategyDefinition("失信", "broken promises first", List.of(
                new dev.recoup.strategy.domain.StrategyDefinition.Segment("broke-a-promise", "有失信", "Broke a promise", "brokenPromises >= 1",
                        "phone-t2", List.of()),
                new dev.recoup.strategy.domain.StrategyDefinition.Segment("rest", "其余", "Everyone else", "true", "robot-sms", List.of()))),
                null, "manager");
        strategies.activate("broken", 1, "manager", null);
        promise(zhang, today.plusDays(1), 1000_00);

        runs.runToCompletion(today.plusDays(4), "test");
        assertThat(segmentOf(zhang)).as("within the grace days").isEqualTo("rest");

        runs.runToCompletion(today.plusDays(5), "test");
        assertThat(segmentOf(zhang)).isEqualTo("broke-a-promise");
        assertThat(segmentOf(fixture.caseOf("LS"))).isEqualTo("rest");
    }

    private String segmentOf(long caseId) {
        return jdbc.sql("select segment_code from case_segment where case_id = ?").param(caseId).query(String.class).single();
    }
}
