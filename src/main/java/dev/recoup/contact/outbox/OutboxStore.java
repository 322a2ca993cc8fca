package dev.recoup.contact.outbox;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The outbox's SQL. Every state change after the claim is fenced by the claim token: a dispatcher
 * whose lease was taken over (it stalled longer than the lease) changes nothing.
 */
@Component
class OutboxStore {

    /** One claimed row, as the dispatcher needs it. */
    record Claimed(long id, Long caseId, List<Long> accountIds, long contactId, Channel channel, Purpose purpose, boolean carriesDebtDetails,
                   String endpoint, String recipientName, Language language, String subject, String body, int attempts, Long ledgerAttemptId,
                   UUID claimToken) {

        Outgoing outgoing() {
            return new Outgoing(id, endpoint, recipientName, subject, body, language);
        }
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    OutboxStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * SENDING rows whose lease ran out: back to PENDING when the gateway was never called (nothing
     * can have gone out), UNCERTAIN when it may have been (send started, no acceptance stored).
     *
     * @return how many became PENDING and how many UNCERTAIN
     */
    int[] recoverExpiredLeases(Instant now) {
        List<String> statuses = jdbc.sql("""
                        update outbound_message set
                          status = case when send_started_at is null then 'PENDING' else 'UNCERTAIN' end,
                          claim_token = case when send_started_at is null then null else claim_token end,
                          lease_until = null,
                          last_error = case when send_started_at is null
                            then 'the dispatcher holding it stopped before calling the gateway; back in the queue'
                            else 'the dispatcher stopped while handing it to the gateway (started ' || to_char(send_started_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                                 || '); it may have gone out, so it is not resent automatically: resolve it (RESEND or MARK_SENT)' end,
                          updated_at = now()
                        where status = 'SENDING' and lease_until < ?
                        returning status""")
                .param(at(now)).query(String.class).list();
        int pending = (int) statuses.stream().filter("PENDING"::equals).count();
        return new int[] {pending, statuses.size() - pending};
    }

    List<Claimed> claim(Instant now, List<Channel> channels, int limit, UUID token, Instant leaseUntil) {
        String[] names = channels.stream().map(Channel::name).toArray(String[]::new);
        return jdbc.sql("""
                        update outbound_message m set status = 'SENDING', claim_token = ?, lease_until = ?, updated_at = now()
                        from (select id from outbound_message
                              where status = 'PENDING' and next_attempt_at <= ? and channel = any(?)
                              order by next_attempt_at, id limit ? for update skip locked) due
                        where m.id = due.id
                        returning m.id, m.case_id, m.account_ids, m.contact_id, m.channel, m.purpose, m.carries_debt_details, m.endpoint,
                                  m.recipient_name, m.language, m.subject, m.body, m.attempts, m.ledger_attempt_id, m.next_attempt_at""")
                .params(token, at(leaseUntil), at(now), names, limit)
                .query((rs, n) -> new Claimed(rs.getLong("id"), (Long) rs.getObject("case_id"), longs(rs.getArray("account_ids")),
                        rs.getLong("contact_id"), Channel.valueOf(rs.getString("channel")), Purpose.valueOf(rs.getString("purpose")),
                        rs.getBoolean("carries_debt_details"), rs.getString("endpoint"), rs.getString("recipient_name"),
                        Language.of("language", rs.getString("language")), rs.getString("subject"), rs.getString("body"), rs.getInt("attempts"),
                        (Long) rs.getObject("ledger_attempt_id"), token))
                .list().stream().sorted((a, b) -> Long.compare(a.id(), b.id())).toList();
    }

    /** The gate said not now: back to PENDING at the next allowed time, reasons kept. */
    boolean defer(Claimed m, Instant until, List<Map<String, String>> reasons, String summary) {
        return jdbc.sql("""
                        update outbound_message set status = 'PENDING', next_attempt_at = ?, claim_token = null, lease_until = null,
                          block_reasons = ?::jsonb, last_error = ?, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(at(until), json.writeValueAsString(reasons), summary, m.id(), m.claimToken()).update() == 1;
    }

    boolean block(Claimed m, List<Map<String, String>> reasons, String summary) {
        return jdbc.sql("""
                        update outbound_message set status = 'BLOCKED', claim_token = null, lease_until = null, block_reasons = ?::jsonb,
                          last_error = ?, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(json.writeValueAsString(reasons), summary, m.id(), m.claimToken()).update() == 1;
    }

    /** The step before calling the gateway: from here on a crash leaves the message UNCERTAIN, never resent blindly. */
    boolean startSend(Claimed m, Instant now) {
        return jdbc.sql("""
                        update outbound_message set send_started_at = ?, attempts = attempts + 1, block_reasons = null, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(at(now), m.id(), m.claimToken()).update() == 1;
    }

    void setLedgerAttempt(long id, long attemptId) {
        jdbc.sql("update outbound_message set ledger_attempt_id = ? where id = ?").params(attemptId, id).update();
    }

    /** Not handed over: try again later, or FAILED after the last try. */
    boolean retryOrFail(Claimed m, Instant next, boolean give_up, String error) {
        return jdbc.sql("""
                        update outbound_message set status = ?, next_attempt_at = coalesce(?, next_attempt_at), send_started_at = null,
                          claim_token = null, lease_until = null, last_error = ?, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(give_up ? "FAILED" : "PENDING", give_up ? null : at(next), error, m.id(), m.claimToken()).update() == 1;
    }

    boolean fail(Claimed m, String error) {
        return jdbc.sql("""
                        update outbound_message set status = 'FAILED', claim_token = null, lease_until = null, last_error = ?, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(error, m.id(), m.claimToken()).update() == 1;
    }

    boolean uncertain(Claimed m, String error) {
        return jdbc.sql("""
                        update outbound_message set status = 'UNCERTAIN', lease_until = null, last_error = ?, updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(error, m.id(), m.claimToken()).update() == 1;
    }

    /**
     * The gateway's acceptance. Also accepted when the row meanwhile became UNCERTAIN (this
     * dispatcher outlived its lease): the acceptance settles the doubt.
     */
    boolean sent(Claimed m, Accepted accepted, Instant now) {
        return jdbc.sql("""
                        update outbound_message set status = 'SENT', gateway_message_id = ?, gateway_segment_ids = ?::text[], sent_at = ?,
                          claim_token = null, lease_until = null, last_error = null, updated_at = now()
                        where id = ? and claim_token = ? and status in ('SENDING', 'UNCERTAIN')""")
                .params(accepted.messageId(), accepted.segmentIds().toArray(String[]::new), at(now), m.id(), m.claimToken()).update() == 1;
    }

    /** A letter goes into the day's batch: SENT to print; its ledger attempt comes with its tracking number. */
    boolean placeInBatch(Claimed m, LocalDate businessDate, Instant now) {
        jdbc.sql("insert into letter_batch (business_date) values (?) on conflict (business_date) do nothing").param(businessDate).update();
        return jdbc.sql("""
                        update outbound_message set status = 'SENT', letter_batch_id = (select id from letter_batch where business_date = ?),
                          sent_at = ?, attempts = attempts + 1, block_reasons = null, claim_token = null, lease_until = null, last_error = null,
                          updated_at = now()
                        where id = ? and claim_token = ? and status = 'SENDING'""")
                .params(businessDate, at(now), m.id(), m.claimToken()).update() == 1;
    }

    OutboundMessage find(long id) {
        return jdbc.sql("select * from outbound_message where id = ?").param(id).query(this::message).optional()
                .orElseThrow(() -> new NotFoundException("outbound message", id));
    }

    List<OutboundMessage> search(String status, Long caseId, String channel, int limit, int offset) {
        return jdbc.sql("""
                        select * from outbound_message
                        where (cast(? as text) is null or status = ?) and (cast(? as bigint) is null or case_id = ?) and (cast(? as text) is null or channel = ?)
                        order by id desc limit ? offset ?""")
                .params(status, status, caseId, caseId, channel, channel, limit, offset).query(this::message).list();
    }

    Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select status, count(*) from outbound_message group by status").query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    OutboundMessage message(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString("block_reasons");
        return new OutboundMessage(rs.getLong("id"), rs.getString("idempotency_key"), (Long) rs.getObject("case_id"), longs(rs.getArray("account_ids")),
                rs.getLong("contact_id"), rs.getString("channel"), rs.getString("purpose"), rs.getString("endpoint"), rs.getString("recipient_name"),
                rs.getLong("template_version_id"), rs.getString("language"), rs.getString("subject"), rs.getString("body"), rs.getString("status"),
                rs.getInt("attempts"), rs.getObject("next_attempt_at", OffsetDateTime.class), rs.getString("last_error"),
                reasons == null ? List.of() : json.readValue(reasons, new TypeReference<List<Map<String, String>>>() { }),
                rs.getString("gateway_message_id"), (Long) rs.getObject("ledger_attempt_id"), (Long) rs.getObject("letter_batch_id"),
                rs.getString("requested_by"), rs.getObject("created_at", OffsetDateTime.class), rs.getObject("send_started_at", OffsetDateTime.class),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("delivered_at", OffsetDateTime.class));
    }

    static final RowMapper<Long> ID = (rs, n) -> rs.getLong(1);

    static List<Long> longs(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).longValue()).toList();
    }
}
