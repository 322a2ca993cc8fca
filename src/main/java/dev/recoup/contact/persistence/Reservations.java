package dev.recoup.contact.persistence;

import dev.recoup.shared.BusinessClock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Call-list entries reserved for the dialer but not dialled yet are cancelled when a fact changes
 * that may make them unlawful — a hold placed, a consent revoked, the rule pack changed — so the
 * dialer, which checks an entry's status before dialling (docs/dialer-contract.md), never dials one.
 */
@Component
class Reservations {

    private final JdbcClient jdbc;
    private final BusinessClock clock;

    Reservations(JdbcClient jdbc, BusinessClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Cancels the reserved entries of a customer, or of one of their contacts; returns how many. */
    int cancel(long customerId, Long contactId, String reason) {
        return jdbc.sql("""
                        update contact_attempt set voided_at = ?, void_reason = ?
                        where customer_id = ? and via = 'DIALER' and outcome is null and voided_at is null and (?::bigint is null or contact_id = ?)""")
                .params(Timestamp.from(clock.now()), reason, customerId, contactId, contactId).update();
    }

    int cancelAll(String reason) {
        return jdbc.sql("update contact_attempt set voided_at = ?, void_reason = ? where via = 'DIALER' and outcome is null and voided_at is null")
                .params(Timestamp.from(clock.now()), reason).update();
    }
}
