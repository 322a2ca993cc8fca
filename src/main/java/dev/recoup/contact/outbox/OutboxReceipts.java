package dev.recoup.contact.outbox;

import dev.recoup.contact.ContactLedger;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.Outcome;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What gateways report after sending — SMPP delivery receipts, e-mail bounces, returned letters —
 * turned into the message's final status and the ledger attempt's outcome (DELIVERED or BOUNCED).
 * A receipt is stored first and applied when its message is known: an SMSC may report delivery
 * before the dispatcher has stored the id it was given.
 */
@Service
public class OutboxReceipts {

    public enum Result {
        DELIVERED,
        FAILED
    }

    private static final Logger log = LoggerFactory.getLogger(OutboxReceipts.class);

    private final JdbcClient jdbc;
    private final ObjectProvider<ContactLedger> ledger;
    private final NotSentNotices notSent;

    OutboxReceipts(JdbcClient jdbc, ObjectProvider<ContactLedger> ledger, NotSentNotices notSent) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.notSent = notSent;
    }

    /**
     * A receipt from a gateway for the id it gave a message (or one of its segments).
     *
     * @return whether it settled a message now (false: kept until the message is known, or nothing changed)
     */
    @Transactional
    public boolean receipt(Channel channel, String gatewayMessageId, Result result, Instant occurredAt, String detail) {
        jdbc.sql("insert into gateway_receipt (channel, gateway_message_id, result, detail, occurred_at) values (?, ?, ?, ?, ?)")
                .params(channel.name(), gatewayMessageId, result.name(), detail, OutboxStore.at(occurredAt)).update();
        List<Long> messages = jdbc.sql("""
                        select id from outbound_message
                        where channel = ? and (gateway_message_id = ? or (gateway_segment_ids is not null and gateway_segment_ids @> array[?]::text[]))""")
                .params(channel.name(), gatewayMessageId, gatewayMessageId).query(Long.class).list();
        if (messages.isEmpty()) {
            log.info("{} receipt for gateway id {} ({}) matches no sent message yet; kept until one does", channel, gatewayMessageId, result);
            return false;
        }
        boolean settled = false;
        for (long id : messages) {
            settled |= apply(id);
        }
        return settled;
    }

    /**
     * Applies the receipts stored for message {@code id}'s gateway ids: any failure → FAILED and the
     * ledger's BOUNCED; every segment delivered → DELIVERED. Only a SENT message moves.
     */
    @Transactional
    public boolean apply(long id) {
        record Sent(String channel, String gatewayId, String[] segments, Long attemptId, String status) {
        }
        Sent sent = jdbc.sql("select channel, gateway_message_id, gateway_segment_ids, ledger_attempt_id, status from outbound_message where id = ? for update")
                .param(id).query((rs, n) -> new Sent(rs.getString(1), rs.getString(2),
                        rs.getArray(3) == null ? null : (String[]) rs.getArray(3).getArray(), (Long) rs.getObject(4), rs.getString(5)))
                .optional().orElse(null);
        if (sent == null || sent.gatewayId() == null) {
            return false;
        }
        String[] ids = sent.segments() == null || sent.segments().length == 0 ? new String[] {sent.gatewayId()} : sent.segments();
        jdbc.sql("update gateway_receipt set outbound_id = ? where channel = ? and outbound_id is null and (gateway_message_id = any(?) or gateway_message_id = ?)")
                .params(id, sent.channel(), ids, sent.gatewayId()).update();
        if (!"SENT".equals(sent.status())) {
            return false;
        }
        record Summary(int failed, int deliveredIds, OffsetDateTime lastAt, String detail) {
        }
        Summary summary = jdbc.sql("""
                        select count(*) filter (where result = 'FAILED'),
                               count(distinct gateway_message_id) filter (where result = 'DELIVERED'),
                               max(occurred_at),
                               string_agg(detail, '; ' order by occurred_at) filter (where result = 'FAILED')
                        from gateway_receipt where outbound_id = ?""")
                .param(id).query((rs, n) -> new Summary(rs.getInt(1), rs.getInt(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4))).single();
        if (summary.failed() > 0) {
            jdbc.sql("update outbound_message set status = 'FAILED', last_error = ?, updated_at = now() where id = ?")
                    .params("not delivered: " + (summary.detail() == null ? "the gateway reported a failure" : summary.detail()), id).update();
            ledgerOutcome(sent.attemptId(), Outcome.BOUNCED, summary.lastAt().toInstant());
            notSent.ended(id);
            return true;
        }
        if (summary.deliveredIds() >= ids.length) {
            jdbc.sql("update outbound_message set status = 'DELIVERED', delivered_at = ?, updated_at = now() where id = ?")
                    .params(summary.lastAt(), id).update();
            ledgerOutcome(sent.attemptId(), Outcome.DELIVERED, summary.lastAt().toInstant());
            return true;
        }
        return false;
    }

    /**
     * A report by a person or a mailbox reader: an e-mail bounced, a letter came back, a letter was
     * signed for. Applies at once to a SENT message.
     */
    @Transactional
    public void report(long id, Result result, Instant at, String detail) {
        record Row(String channel, String gatewayId, String status) {
        }
        Row row = jdbc.sql("select channel, gateway_message_id, status from outbound_message where id = ?").param(id)
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3))).optional()
                .orElseThrow(() -> new dev.recoup.shared.NotFoundException("outbound message", id));
        if (!"SENT".equals(row.status())) {
            throw new ConflictException("Message " + id + " is " + row.status() + "; only a SENT message takes a delivery report");
        }
        if (row.gatewayId() == null) {
            throw new InvalidInputException("id", String.valueOf(id), "the message has no gateway id or tracking number yet");
        }
        jdbc.sql("insert into gateway_receipt (channel, gateway_message_id, result, detail, occurred_at, outbound_id) values (?, ?, ?, ?, ?, ?)")
                .params(row.channel(), row.gatewayId(), result.name(), detail, OutboxStore.at(at), id).update();
        if (result == Result.DELIVERED) {
            // A person's report covers the whole message, however many segments it had.
            jdbc.sql("update outbound_message set status = 'DELIVERED', delivered_at = ?, updated_at = now() where id = ? and status = 'SENT'")
                    .params(OutboxStore.at(at), id).update();
            ledgerOutcome(attemptOf(id), Outcome.DELIVERED, at);
        } else {
            apply(id);
        }
    }

    /**
     * A reply asking to stop ("T", "TD", "STOP", "退订") from a number we texted: the opt-out is the
     * outcome of the latest SMS to that number, so the ledger (and the gate's opt-out rules) see it.
     *
     * @return the outbox id of that SMS, or null when no SMS with a ledger attempt went to the number
     */
    @Transactional
    public Long optOutReply(String fromNumber, Instant at) {
        String digits = fromNumber == null ? "" : fromNumber.replaceAll("\\D", "");
        if (digits.length() < 7) {
            return null;
        }
        String tail = digits.length() > 11 ? digits.substring(digits.length() - 11) : digits;
        record Last(long id, Long attemptId) {
        }
        Last last = jdbc.sql("""
                        select id, ledger_attempt_id from outbound_message
                        where channel = 'SMS' and ledger_attempt_id is not null and right(regexp_replace(endpoint, '\\D', '', 'g'), ?) = ?
                        order by coalesce(sent_at, created_at) desc, id desc limit 1""")
                .params(tail.length(), tail).query((rs, n) -> new Last(rs.getLong(1), (Long) rs.getObject(2))).optional().orElse(null);
        if (last == null) {
            log.info("An opt-out reply from {} matches no SMS we sent; ignored", dev.recoup.shared.Masking.phone(fromNumber));
            return null;
        }
        ledgerOutcome(last.attemptId(), Outcome.OPTED_OUT, at);
        return last.id();
    }

    /** A message that certainly did not reach the person: its ledger attempt counts as no contact (BOUNCED). */
    public void markNotSent(Long attemptId, Instant at) {
        ledgerOutcome(attemptId, Outcome.BOUNCED, at);
    }

    /** Message {@code id} was marked FAILED by a person: whoever asked for it hears so. */
    void markedFailed(long id) {
        notSent.ended(id);
    }

    private Long attemptOf(long id) {
        return jdbc.sql("select ledger_attempt_id from outbound_message where id = ?").param(id).query((rs, n) -> (Long) rs.getObject(1)).single();
    }

    private void ledgerOutcome(Long attemptId, Outcome outcome, Instant at) {
        if (attemptId == null) {
            return;
        }
        ContactLedger contactLedger = ledger.getIfAvailable();
        if (contactLedger == null) {
            log.warn("No contact ledger in this build: outcome {} of attempt {} not recorded", outcome, attemptId);
            return;
        }
        contactLedger.outcome(attemptId, outcome, at);
    }
}
