package dev.recoup.contact.outbox;

import dev.recoup.contact.OutboundMessageNotSent;
import dev.recoup.contact.domain.Channel;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;

/**
 * Tells whoever asked for a message that it ended without reaching its person (BLOCKED or FAILED):
 * publishes {@link OutboundMessageNotSent} in the transaction that changed its status, so a task's
 * outcome can say so instead of "sent".
 */
@Component
class NotSentNotices {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final ApplicationEventPublisher events;

    NotSentNotices(JdbcClient jdbc, ObjectMapper json, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
    }

    /** Message {@code id} has just become BLOCKED or FAILED (in the caller's transaction). */
    void ended(long id) {
        jdbc.sql("select idempotency_key, case_id, channel, status, last_error, block_reasons::text from outbound_message where id = ?").param(id)
                .query((rs, n) -> new OutboundMessageNotSent(id, rs.getString(1), (Long) rs.getObject(2), Channel.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getString(5), ruleIds(rs.getString(4), rs.getString(6))))
                .optional()
                .filter(ended -> ended.status().equals("BLOCKED") || ended.status().equals("FAILED"))
                .ifPresent(events::publishEvent);
    }

    private List<String> ruleIds(String status, String reasons) {
        if (!"BLOCKED".equals(status) || reasons == null) {
            return List.of();
        }
        return json.readValue(reasons, new TypeReference<List<Map<String, String>>>() { }).stream()
                .map(r -> r.get("ruleId")).filter(java.util.Objects::nonNull).toList();
    }
}
