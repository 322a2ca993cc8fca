package dev.recoup.allocation.persistence;

import dev.recoup.allocation.domain.EffectivenessModel;
import dev.recoup.allocation.domain.PropensityModel;
import dev.recoup.allocation.domain.WorkerKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.List;

/** What the allocator learns from: propensity tallies from the status history and payments; outcomes of finished assignments. */
@Repository
public class ModelStore {

    /** The window in which a payment or cure counts as the case's response. */
    static final int RESPONSE_DAYS = 30;
    /** An assignment shorter than this says little about its worker, unless the case cured. */
    static final int MIN_ASSIGNMENT_DAYS = 7;

    private final JdbcClient jdbc;

    ModelStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Adds to the tallies every observation whose 30-day window has closed by {@code date} and that was
     * not counted before: a customer entering an overdue bucket (customer_status_change with a new
     * bucket, M1…M7+), successful if any payment on the customer's accounts or a move to M0 followed
     * within 30 days. Each business date is counted once (the watermark moves forward).
     */
    public void updatePropensityTallies(LocalDate date) {
        LocalDate through = date.minusDays(RESPONSE_DAYS);
        LocalDate from = jdbc.sql("select observed_through from allocation_propensity_watermark").query(LocalDate.class).optional()
                .orElse(LocalDate.of(1900, 1, 1));
        if (!through.isAfter(from)) {
            return;
        }
        jdbc.sql("""
                insert into allocation_propensity_tally as t (bucket, tier, observations, successes)
                select o.to_bucket, o.to_tier, count(*),
                       count(*) filter (where exists (select 1 from account a join payment p on p.account_id = a.id
                                                      where a.customer_id = o.customer_id
                                                        and p.paid_on > o.business_date and p.paid_on <= o.business_date + %1$d)
                                           or exists (select 1 from customer_status_change m
                                                      where m.customer_id = o.customer_id and m.to_bucket = 'M0'
                                                        and m.business_date > o.business_date and m.business_date <= o.business_date + %1$d))
                from customer_status_change o
                where o.to_bucket <> 'M0' and o.to_bucket <> o.from_bucket and o.to_tier is not null
                  and o.business_date > :from and o.business_date <= :through
                group by o.to_bucket, o.to_tier
                on conflict (bucket, tier) do update set observations = t.observations + excluded.observations,
                                                         successes = t.successes + excluded.successes""".formatted(RESPONSE_DAYS))
                .param("from", from).param("through", through).update();
        jdbc.sql("""
                insert into allocation_propensity_watermark (observed_through) values (?)
                on conflict (only_row) do update set observed_through = excluded.observed_through""").param(through).update();
    }

    public List<PropensityModel.Tally> propensityTallies() {
        return jdbc.sql("select bucket, tier, observations, successes from allocation_propensity_tally")
                .query((rs, i) -> new PropensityModel.Tally(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4))).list();
    }

    /**
     * Finished assignments of the last year per worker and segment: how many, and the sum of each one's
     * recovered share (recovered ÷ overdue at assignment, at most 1). Assignments shorter than a week
     * count only if the case cured.
     */
    public List<EffectivenessModel.Outcome> outcomes(LocalDate date) {
        return jdbc.sql("""
                select case when agent_id is not null then 'AGENT' else 'AGENCY' end, coalesce(agent_id, agency_id), team_id, segment_code,
                       count(*), sum(least(recovered_minor, overdue_at_assignment)::float8 / overdue_at_assignment)
                from case_assignment
                where ended_on is not null and ended_on > :since and recovered_minor is not null and overdue_at_assignment > 0
                  and (ended_on - assigned_on >= %d or end_reason = 'CASE_CLOSED')
                group by 1, 2, 3, 4""".formatted(MIN_ASSIGNMENT_DAYS)).param("since", date.minusDays(365))
                .query((rs, i) -> new EffectivenessModel.Outcome(WorkerKind.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3),
                        rs.getString(4), rs.getLong(5), rs.getDouble(6))).list();
    }
}
