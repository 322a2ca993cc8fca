package dev.recoup.agreements.persistence;

import dev.recoup.agreements.AgreementsProperties;
import dev.recoup.contact.OutboundMessages;
import dev.recoup.contact.OutboundRequest;
import dev.recoup.contact.domain.Channel;
import dev.recoup.shared.MinorUnits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.text.DecimalFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reminders before a promised date and before each plan instalment (R15), handed to the contact
 * module's outbox with the PROMISE_REMINDER template: the outbox asks the gate right before sending,
 * so holds, hours and frequency limits apply. The day's due reminders are found in one query; each
 * is enqueued under the idempotency key {@code promise/<id>/reminder/<days-before>} (or
 * {@code plan/<id>/instalment/<seq>/reminder/<days-before>}) and recorded in {@code agreement_reminder},
 * so running a day again sends nothing twice. Each enqueue runs in its own transaction (a savepoint when
 * called inside one): a reminder the outbox refuses (a template changed to need a value we do not
 * have) is logged and skipped, never failing the others.
 */
@Component
public class ReminderSender {

    private static final Logger log = LoggerFactory.getLogger(ReminderSender.class);
    private static final DateTimeFormatter ZH_DATE = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final OutboundMessages outbox;
    private final AgreementsProperties properties;
    private final TransactionTemplate savepoint;

    public ReminderSender(JdbcClient jdbc, OutboundMessages outbox, AgreementsProperties properties, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.properties = properties;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    private record Due(String key, Long promiseId, Long planId, Integer seq, long caseId, long contactId, LocalDate dueOn, int daysBefore,
                       long amount, Set<Long> accounts) {
    }

    public record Sent(long enqueued, long skipped) {
    }

    /** Enqueues every reminder due on {@code today}. */
    public Sent send(LocalDate today) {
        var reminders = properties.reminders();
        List<Integer> days = properties.promises().reminderDaysBefore();
        if (days.isEmpty()) {
            return new Sent(0, 0);
        }
        if (!jdbc.sql("select exists (select 1 from message_template where code = ?)").param(reminders.templateCode()).query(Boolean.class).single()) {
            log.warn("No template {}: promise reminders are not sent (recoup.agreements.reminders.template-code)", reminders.templateCode());
            return new Sent(0, 0);
        }
        String endpoint = switch (reminders.channel()) {
            case "EMAIL" -> "nullif(t.email, '') is not null";
            case "LETTER" -> "coalesce(nullif(t.address, ''), nullif(cu.address, '')) is not null";
            default -> "nullif(t.phone, '') is not null";
        };
        String contact = """
                join customer cu on cu.id = %s.customer_id
                join lateral (select t.id from contact t where t.customer_id = cu.id and t.role = 'self' and t.valid and %s
                              order by t.id limit 1) k on true""";
        List<Due> due = jdbc.sql("""
                        select 'promise/' || p.id || '/reminder/' || d.days as key, p.id as promise_id, null::bigint as plan_id, null::int as seq,
                               p.case_id, k.id as contact_id, p.promised_on as due_on, d.days, p.amount,
                               array(select pa.account_id from promise_account pa where pa.promise_id = p.id order by 1) as accounts
                        from promise p join unnest(cast(:days as int[])) d(days) on p.promised_on = cast(:today as date) + d.days
                        %s
                        where p.status = 'OPEN'
                          and not exists (select 1 from agreement_reminder r where r.idempotency_key = 'promise/' || p.id || '/reminder/' || d.days)
                        union all
                        select 'plan/' || p.id || '/instalment/' || s.seq || '/reminder/' || d.days, null, p.id, s.seq,
                               p.case_id, k.id, s.due_on, d.days, least(s.amount, s.through - p.paid), '{}'::bigint[]
                        from plan p
                        join (select i.plan_id, i.seq, i.due_on, i.amount, sum(i.amount) over (partition by i.plan_id order by i.seq) as through
                              from plan_instalment i join plan q on q.id = i.plan_id and q.status = 'ACTIVE') s on s.plan_id = p.id
                        join unnest(cast(:days as int[])) d(days) on s.due_on = cast(:today as date) + d.days
                        %s
                        where p.status = 'ACTIVE' and :plans and s.through > p.paid
                          and not exists (select 1 from agreement_reminder r
                                          where r.idempotency_key = 'plan/' || p.id || '/instalment/' || s.seq || '/reminder/' || d.days)
                        order by 1""".formatted(contact.formatted("p", endpoint), contact.formatted("p", endpoint)))
                .param("days", days.stream().mapToInt(Integer::intValue).toArray())
                .param("today", today)
                .param("plans", reminders.planInstalments())
                .query((rs, n) -> new Due(rs.getString(1), (Long) rs.getObject(2), (Long) rs.getObject(3), (Integer) rs.getObject(4), rs.getLong(5),
                        rs.getLong(6), rs.getObject(7, LocalDate.class), rs.getInt(8), rs.getLong(9), accountSet(rs.getArray(10))))
                .list();
        long enqueued = 0, skipped = 0;
        for (Due d : due) {
            Boolean done = savepoint.execute(status -> {
                try {
                    var result = outbox.enqueue(new OutboundRequest(d.key(), d.caseId(), d.accounts(), d.contactId(),
                            Channel.valueOf(reminders.channel()), reminders.templateCode(), null, null, "zh-CN", Map.of(
                            "promiseDate", ZH_DATE.format(d.dueOn()),
                            "promiseAmount", yuan(d.amount()),
                            "senderName", reminders.senderName(),
                            "callBackNumber", reminders.callBackNumber(),
                            "paymentMethod", reminders.paymentMethod()), "agreements"));
                    jdbc.sql("""
                                    insert into agreement_reminder (idempotency_key, promise_id, plan_id, plan_seq, due_on, days_before, message_id, enqueued_on)
                                    values (?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                            .params(d.key(), d.promiseId(), d.planId(), d.seq(), d.dueOn(), d.daysBefore(), result.messageId(), today).update();
                    return true;
                } catch (RuntimeException e) {
                    log.warn("Reminder {} not enqueued: {}", d.key(), e.getMessage());
                    status.setRollbackOnly();
                    return false;
                }
            });
            if (Boolean.TRUE.equals(done)) {
                enqueued++;
            } else {
                skipped++;
            }
        }
        return new Sent(enqueued, skipped);
    }

    /** 1234567 fen → "12,345.67元" (the template's amount style). */
    static String yuan(long fen) {
        return new DecimalFormat("#,##0.00").format(new java.math.BigDecimal(MinorUnits.format(fen, 2))) + "元";
    }

    /** A bigint[] column as the set of account ids the outbox takes. */
    private static Set<Long> accountSet(java.sql.Array array) throws java.sql.SQLException {
        Set<Long> ids = new java.util.HashSet<>();
        if (array != null) {
            for (Object id : (Object[]) array.getArray()) {
                ids.add(((Number) id).longValue());
            }
        }
        return ids;
    }
}
