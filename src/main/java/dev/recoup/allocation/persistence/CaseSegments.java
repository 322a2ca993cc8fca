package dev.recoup.allocation.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Where an open case's segment and queue come from: the strategy's published {@code case_segment}
 * (one row per open case, ADR 0007). A case without a row there — no strategy applied yet, or no
 * strategy module installed — is queued by its tier so allocation still works:
 * T1 → robot-sms, T2 → phone-t2, T3 → senior-t3, T4 → legal above 50,000 yuan overdue and agency
 * otherwise; its segment is then "tier-T2" and so on.
 */
@Component
class CaseSegments {

    private final JdbcClient jdbc;

    CaseSegments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A subquery of (case_id, segment_code, queue) for every open case, against the daily run's snapshot. */
    String sql(long dailyRunId) {
        String byTier = """
                select c.id as case_id, 'tier-' || coalesce(s.tier, 'none') as segment_code,
                       case s.tier when 'T1' then 'robot-sms' when 'T2' then 'phone-t2' when 'T3' then 'senior-t3'
                                   when 'T4' then case when s.overdue_total > 5000000 then 'legal' else 'agency' end
                                   else 'robot-sms' end as queue
                from collection_case c join customer_status s on s.run_id = %d and s.customer_id = c.customer_id
                where c.status = 'OPEN'""".formatted(dailyRunId);
        if (!strategyPublishesSegments()) {
            return "(" + byTier + ")";
        }
        return "(select case_id, segment_code, queue from case_segment union all select * from (" + byTier
                + ") t where not exists (select 1 from case_segment x where x.case_id = t.case_id))";
    }

    private boolean strategyPublishesSegments() {
        return jdbc.sql("select to_regclass('public.case_segment') is not null").query(Boolean.class).single();
    }
}
