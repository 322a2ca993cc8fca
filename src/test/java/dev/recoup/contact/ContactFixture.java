package dev.recoup.contact;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/** A debtor with an open case, their own phone and a relative's, straight into the database. */
final class ContactFixture {

    record Debtor(long customerId, long caseId, long accountId, long self, long relative) {
    }

    private final JdbcClient jdbc;

    ContactFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A customer of Shanghai (region 310110) with one consumer loan, an open case, their mobile and a relative's. */
    Debtor debtor(String ref) {
        return debtor(ref, "310110", "consumer_loan");
    }

    Debtor debtor(String ref, String regionCode, String product) {
        long customer = jdbc.sql("insert into customer (customer_ref, name, region_code, address) values (?, ?, ?, ?) returning id")
                .params(ref, "客户" + ref, regionCode, "上海市杨浦区解放路267号").query(Long.class).single();
        long account = jdbc.sql("""
                        insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                        values (?, ?, ?, 'CNY', 1200000, 0.18, date '2026-01-01') returning id""")
                .params(ref + "-1", customer, product).query(Long.class).single();
        long caseId = jdbc.sql("""
                        insert into collection_case (customer_id, status, opened_on, opened_by_run, flow_stage, stage_entered_on)
                        values (?, 'OPEN', ?, 1, 'ASSIGNED', ?) returning id""")
                .params(customer, LocalDate.parse("2026-03-01"), LocalDate.parse("2026-03-01")).query(Long.class).single();
        long self = contact(ref + "-S", customer, "self", "1380000" + String.format("%04d", customer % 10000));
        long relative = contact(ref + "-R", customer, "relative", "1390000" + String.format("%04d", customer % 10000));
        // Issue 6: agents see their assigned cases only; the demo agent works every debtor of these tests.
        dev.recoup.support.Assignments.toAgent(jdbc, caseId, dev.recoup.support.Assignments.DEMO_AGENT);
        return new Debtor(customer, caseId, account, self, relative);
    }

    long contact(String ref, long customer, String role, String phone) {
        return jdbc.sql("insert into contact (contact_ref, customer_id, role, name, phone, email) values (?, ?, ?, ?, ?, ?) returning id")
                .params(ref, customer, role, "联系人" + ref, phone, ref.toLowerCase() + "@example.cn").query(Long.class).single();
    }
}
