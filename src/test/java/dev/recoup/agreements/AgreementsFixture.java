package dev.recoup.agreements;

import dev.recoup.payments.PaymentPosting;
import dev.recoup.support.PortfolioFixture;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/** Cases, contacts, agents and payments for the agreements tests, straight in the database. */
final class AgreementsFixture {

    private final JdbcClient jdbc;
    private int payments;

    AgreementsFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long caseOf(String customerRef) {
        return jdbc.sql("select c.id from collection_case c join customer cu on cu.id = c.customer_id where cu.customer_ref = ? and c.status = 'OPEN'")
                .param(customerRef).query(Long.class).single();
    }

    AgreementsFixture selfContactWithPhone(String customerRef, String phone) {
        jdbc.sql("""
                insert into contact (contact_ref, customer_id, role, name, phone)
                select ?, id, 'self', name, ? from customer where customer_ref = ?""").params("CT-" + customerRef, phone, customerRef).update();
        return this;
    }

    /** A team serving phone-t2 and an agent in it; returns the agent's id. */
    long agent(String teamCode, String agentRef) {
        jdbc.sql("""
                insert into team (code, name_zh, name_en, kind, queues) values (?, ?, ?, 'PHONE', '{phone-t2}')
                on conflict (code) do nothing""").params(teamCode, "团队" + teamCode, "Team " + teamCode).update();
        return jdbc.sql("""
                insert into agent (agent_ref, name, team_id, level, started_on, max_open_cases, max_overdue_minor)
                select ?, ?, id, 3, date '2020-01-01', 100, 100000000 from team where code = ?
                on conflict (agent_ref) do update set team_id = excluded.team_id returning id""")
                .params(agentRef, "坐席" + agentRef, teamCode).query(Long.class).single();
    }

    /** A payment as an import records it (row and journal, no event): the next daily run judges it. */
    long payment(String accountRef, LocalDate paidOn, long fen) {
        return new PortfolioFixture(jdbc).paymentFen(accountRef, paidOn, fen, "AGR-PAY-" + accountRef + "-" + (++payments));
    }

    /** A payment posted during the day through the payments module: promises and plans judge it at once. */
    void postPayment(PaymentPosting posting, String accountRef, LocalDate paidOn, long fen) {
        posting.post(new PaymentPosting.PaymentCommand(accountRef, "AGR-PAY-" + accountRef + "-" + (++payments), paidOn, fen, "bank"),
                "agreements-test-" + payments, "test");
    }

    String status(long promiseId) {
        return jdbc.sql("select status from promise where id = ?").param(promiseId).query(String.class).single();
    }
}
