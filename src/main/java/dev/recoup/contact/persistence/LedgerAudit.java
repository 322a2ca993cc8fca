package dev.recoup.contact.persistence;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.ChinaPack;
import dev.recoup.contact.domain.Purpose;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An independent re-check of the ledger against the China pack, in SQL alone: it does not call the
 * Java engine, it restates the rules over the rows — quiet hours in local time without a consent
 * naming that time, the daily cap of calls per person per local day, contact during a hold that
 * stops or closes it, third parties contacted for collection, visits with too few staff. Compliance
 * runs it over any period ({@code GET /api/v1/contact-audit}); the dialer simulation uses it to
 * confirm that what went through the gate kept the pack.
 *
 * <p>Not re-checked here: the soft working-day preference (never a breach), meal/rest windows and
 * the per-number unanswered cap when a portfolio turns them on, designated inconvenient times, and
 * one-off replies to an inbound contact (the gate may allow them inside a closed time; such replies
 * would show up here as breaches to look at).
 */
@Service
public class LedgerAudit {

    /** One ledger entry that breaks the pack, with the check it fails. */
    public record Breach(String check, long attemptId, long contactId, Instant at, String detail) {
    }

    /**
     * @param attempts outbound ledger entries in the period
     * @param breaches counts per check (all checks listed, zeros included)
     * @param examples up to 100 breaching entries
     */
    public record Report(Instant from, Instant until, String pack, long attempts, Map<String, Long> breaches, long total, List<Breach> examples) {
    }

    public static final List<String> CHECKS = List.of("QUIET_HOURS", "DAILY_CALL_CAP", "HOLD", "THIRD_PARTY_PURPOSE", "VISIT_STAFF");

    private static final String BREACHES = """
            with attempts as (
                select a.id, a.contact_id, a.customer_id, a.channel, a.at, a.purpose, a.account_ids, a.staff_count, a.endpoint, a.endpoint_kind,
                       ct.role, a.at at time zone :zone as local_at
                from contact_attempt a join contact ct on ct.id = a.contact_id
                where a.at >= cast(:from as timestamptz) - interval '2 days' and a.at < :until and a.direction = 'OUTBOUND' and a.voided_at is null
            ),
            quiet as (
                select 'QUIET_HOURS' as check_id, x.id, x.contact_id, x.at, to_char(x.local_at, 'YYYY-MM-DD HH24:MI') || ' local' as detail
                from attempts x
                where x.channel = any(cast(:quietChannels as text[]))
                  and (x.local_at::time >= cast(:quietStart as time) or x.local_at::time < cast(:quietEnd as time))
                  and not exists (
                      select 1 from contact_consent c
                      where c.contact_id = x.contact_id and c.window_start is not null and c.received_at <= x.at
                        and (c.valid_until is null or x.at < c.valid_until) and (c.revoked_at is null or x.at < c.revoked_at)
                        and (c.channels = '{}' or x.channel = any(c.channels))
                        and (c.account_ids = '{}' or x.account_ids <@ c.account_ids)
                        and (c.days = '{}' or extract(isodow from x.at at time zone coalesce(c.zone, :zone))::smallint = any(c.days))
                        and case when c.window_start < c.window_end
                                 then (x.at at time zone coalesce(c.zone, :zone))::time >= c.window_start
                                      and (x.at at time zone coalesce(c.zone, :zone))::time < c.window_end
                                 else (x.at at time zone coalesce(c.zone, :zone))::time >= c.window_start
                                      or (x.at at time zone coalesce(c.zone, :zone))::time < c.window_end end)
            ),
            capped as (
                select 'DAILY_CALL_CAP' as check_id, n.id, n.contact_id, n.at, 'call ' || n.nth || ' on ' || n.local_day || ' (cap ' || :cap || ')' as detail
                from (select x.id, x.contact_id, x.at, x.local_at::date as local_day,
                             row_number() over (partition by x.contact_id, x.local_at::date order by x.at, x.id) as nth
                      from attempts x where x.channel in ('AGENT_CALL', 'ROBOT_CALL')) n
                where n.nth > :cap
            ),
            held as (
                select distinct on (x.id) 'HOLD' as check_id, x.id, x.contact_id, x.at, h.kind || ' (hold ' || h.id || ', from ' || h.effective_from || ')' as detail
                from attempts x join contact_hold h on h.customer_id = x.customer_id
                where (h.level <> 'CONTACT' or h.contact_id = x.contact_id)
                  and h.effective_from <= x.at and (h.effective_until is null or x.at < h.effective_until)
                  and (h.account_ids = '{}' or x.account_ids = '{}' or h.account_ids && x.account_ids)
                  and (h.kind in ('COMPLAINT_OPEN', 'DISPUTE_OPEN', 'DECEASED', 'BANKRUPT') and x.purpose <> 'COMPLAINT_RESPONSE'
                       or h.kind = 'ATTORNEY_REPRESENTS' and x.purpose <> 'COMPLAINT_RESPONSE'
                       or h.kind = 'MEDIUM_OPT_OUT' and x.purpose <> 'OPT_OUT_CONFIRMATION' and (h.endpoint is null or h.endpoint = x.endpoint)
                          and h.medium = case when x.channel in ('AGENT_CALL', 'ROBOT_CALL') then 'TELEPHONE' when x.channel = 'SMS' then 'TEXT_MESSAGE'
                                              when x.channel = 'EMAIL' then 'EMAIL' when x.channel = 'LETTER' then 'MAIL' else 'IN_PERSON' end
                       or h.kind = 'WORKPLACE_BAN' and x.endpoint_kind in ('WORK_PHONE', 'WORK_EMAIL', 'WORK_ADDRESS')
                       or h.kind = 'INCONVENIENT_PLACE' and h.place = case when x.endpoint_kind in ('WORK_PHONE', 'WORK_EMAIL', 'WORK_ADDRESS') then 'WORK'
                                                                            when x.endpoint_kind in ('HOME_PHONE', 'HOME_ADDRESS') then 'HOME' end)
                order by x.id, h.effective_from
            ),
            third_party as (
                select 'THIRD_PARTY_PURPOSE' as check_id, x.id, x.contact_id, x.at, x.role || ' contacted for ' || x.purpose as detail
                from attempts x
                where x.role <> all(cast(:debtorRoles as text[])) and x.purpose <> all(cast(:thirdPartyPurposes as text[]))
            ),
            visits as (
                select 'VISIT_STAFF' as check_id, x.id, x.contact_id, x.at, x.staff_count || ' staff (at least ' || :minStaff || ')' as detail
                from attempts x where x.channel = 'VISIT' and x.staff_count < :minStaff
            )
            select * from (select * from quiet union all select * from capped union all select * from held
                           union all select * from third_party union all select * from visits) b
            where b.at >= :from""";

    private final JdbcClient jdbc;
    private final PackSettings settings;
    private final BusinessClock clock;

    LedgerAudit(JdbcClient jdbc, PackSettings settings, BusinessClock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /** Re-checks every outbound entry in [from, until) against the system-wide China pack. */
    public Report audit(Instant from, Instant until) {
        if (!from.isBefore(until)) {
            throw new InvalidInputException("from", from.toString(), "from must be before until");
        }
        ChinaPack.Parameters p = settings.systemWideChinaParameters();
        if (p == null) {
            throw new InvalidInputException("pack", settings.systemWidePack().id(), "the ledger audit re-checks the China pack only");
        }
        String[] debtorRoles = p.spouseOnDebtorSide() ? new String[]{"self", "spouse"} : new String[]{"self"};
        String[] thirdPartyPurposes = p.thirdPartyPurposes().stream().map(Purpose::name).toArray(String[]::new);
        String[] quietChannels = p.quietChannels().stream().map(Channel::name).toArray(String[]::new);
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", Timestamp.from(from));
        params.put("until", Timestamp.from(until));
        params.put("zone", clock.zone().getId());
        params.put("quietChannels", pgArray(quietChannels));
        params.put("quietStart", p.quietHours().start());
        params.put("quietEnd", p.quietHours().end());
        params.put("cap", p.callsPerContactPerDay());
        params.put("debtorRoles", pgArray(debtorRoles));
        params.put("thirdPartyPurposes", pgArray(thirdPartyPurposes));
        params.put("minStaff", p.minimumVisitStaff());
        Map<String, Long> counts = new LinkedHashMap<>();
        CHECKS.forEach(c -> counts.put(c, 0L));
        jdbc.sql("select check_id, count(*) from (" + BREACHES + ") all_breaches group by check_id").params(params)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        List<Breach> examples = total == 0 ? List.of() : new ArrayList<>(jdbc.sql("select * from (" + BREACHES + ") all_breaches order by at, id limit 100")
                .params(params)
                .query((rs, n) -> new Breach(rs.getString("check_id"), rs.getLong("id"), rs.getLong("contact_id"), rs.getTimestamp("at").toInstant(),
                        rs.getString("detail"))).list());
        long attempts = jdbc.sql("select count(*) from contact_attempt where at >= ? and at < ? and direction = 'OUTBOUND' and voided_at is null")
                .params(Timestamp.from(from), Timestamp.from(until)).query(Long.class).single();
        return new Report(from, until, "CN", attempts, counts, total, examples);
    }

    /** A text[] literal of plain codes (enum names): named parameters would expand a Java array into a list. */
    private static String pgArray(String[] codes) {
        return "{" + String.join(",", codes) + "}";
    }
}
