package dev.recoup.contact.testing;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;

/** A customer with an account, an open case and contacts, straight into the database. */
public final class ContactFixture {

    private final JdbcClient jdbc;

    public ContactFixture(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long customer(String ref, String name, String address) {
        long id = jdbc.sql("insert into customer (customer_ref, name, address, region_code) values (?, ?, ?, '310101') returning id")
                .params(ref, name, address).query(Long.class).single();
        jdbc.sql("""
                insert into account (account_ref, customer_id, product, currency, principal, annual_rate, start_date)
                values (?, ?, 'consumer_loan', 'CNY', 1200000, 0.18, date '2026-01-01')""").params(ref + "-A", id).update();
        return id;
    }

    public long openCase(long customerId) {
        return jdbc.sql("""
                        insert into collection_case (customer_id, status, opened_on, opened_by_run, stage_entered_on)
                        values (?, 'OPEN', ?, 0, ?) returning id""")
                .params(customerId, LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-20")).query(Long.class).single();
    }

    public long contact(long customerId, String ref, String role, String name, String phone, String email, String address) {
        return jdbc.sql("""
                        insert into contact (contact_ref, customer_id, role, name, phone, email, address) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(ref, customerId, role, name, phone, email, address).query(Long.class).single();
    }
}
