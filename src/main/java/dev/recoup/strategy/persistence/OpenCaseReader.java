package dev.recoup.strategy.persistence;

import dev.recoup.shared.CopyRowReader;

import dev.recoup.strategy.domain.CaseAttributes;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.springframework.stereotype.Component;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads every open case of a run with what a strategy condition can see about it — the run's
 * customer status, the customer, products and collateral of their accounts, reachable contacts —
 * plus the case's published segment and experiment arm: one COPY out, parsed from bytes. Not
 * sorted: every row is complete in itself, and unsorted rows stream out while PostgreSQL is still
 * probing its hash joins, so Java evaluates cases while the database works. Accounts, collateral and contacts are aggregated per open case (joined from the open
 * cases, so the planner picks index look-ups for a few cases and hash joins for many; measured
 * faster than aggregating the whole tables when a quarter of the customers have a case).
 */
@Component
public class OpenCaseReader {

    public static final long NULL = CopyRowReader.NULL;
    static final List<String> PRODUCTS = List.of("consumer_loan", "credit_card", "sme_loan", "secured_loan");
    static final List<String> COLLATERAL_TYPES = List.of("real_estate", "vehicle", "equity", "receivable", "other");
    private static final List<Set<String>> PRODUCT_SETS = sets(PRODUCTS);
    private static final List<Set<String>> COLLATERAL_SETS = sets(COLLATERAL_TYPES);

    /** One open case as read; the same object is refilled for every row. */
    public static final class OpenCase {
        public long caseId;
        int dpd;
        String bucket;
        String tier;
        public long overdue;
        long outstanding;
        String trend;
        int variationBp;
        int age;
        String occupation;
        String region;
        int products;
        int collateralTypes;
        long collateralValue;
        int reachableContacts;
        /** From agreements' {@code case_agreement_status}: promises not honoured, the active plan (planDpd -1 without one). */
        int brokenPromises;
        boolean onActivePlan;
        int planDpd;
        long overdueBeyondPlan;
        /** The latest cause of delinquency the debtor gave on a call (workbench's {@code workbench_call}), "" when none. */
        String delinquencyCause;
        /** The published segment row (or {@link #NULL} / null when the case has none). */
        public long versionId, enteredOn, evaluatedOn;
        public String segment;
        /** The state before the evaluation of {@link #evaluatedOn}, for a re-run of that date. */
        public long priorVersionId, priorEnteredOn, priorEvaluatedOn;
        public String priorSegment;
        /** The case's arm in the running experiment, or null. */
        public String arm;
        /** Still in the first case-flow stage (casework's {@code collection_case.flow_stage} INTAKE). */
        public boolean inIntake;

        public boolean hasSegmentRow() {
            return evaluatedOn != NULL;
        }

        public CaseAttributes attributes(int daysInStage) {
            return new CaseAttributes(caseId, dpd, bucket, tier, overdue, outstanding, PRODUCT_SETS.get(products),
                    COLLATERAL_SETS.get(collateralTypes), collateralValue, region, age, occupation, reachableContacts, brokenPromises, trend,
                    variationBp, daysInStage, -1, onActivePlan, planDpd, overdueBeyondPlan, delinquencyCause);
        }
    }

    /** What a read did: rows, and the milliseconds spent in {@code each} (evaluating) out of the whole read. */
    public record Read(long rows, long millis, long consumerMillis) {
    }

    /**
     * @param experimentId the running experiment, whose stored arms to read; null for none
     */
    public Read read(CopyManager copy, long runId, LocalDate date, Long experimentId, Consumer<OpenCase> each) {
        String sql = "copy (" + select(runId, date, experimentId) + ") to stdout";
        long started = System.nanoTime(), consuming = 0;
        try {
            CopyOut out = copy.copyOut(sql);
            CopyRowReader row = new CopyRowReader();
            OpenCase c = new OpenCase();
            long rows = 0;
            byte[] bytes;
            while ((bytes = out.readFromCopy()) != null) {
                row.reset(bytes);
                c.caseId = row.nextLong();
                c.dpd = row.nextInt();
                c.bucket = row.nextText();
                c.tier = row.nextText();
                c.overdue = row.nextLong();
                c.outstanding = row.nextLong();
                c.trend = row.nextText();
                c.variationBp = row.nextInt();
                c.age = row.nextInt();
                c.occupation = row.nextText();
                c.region = row.nextText();
                c.products = row.nextInt();
                c.collateralTypes = row.nextInt();
                c.collateralValue = row.nextLong();
                c.reachableContacts = row.nextInt();
                c.versionId = row.nextLong();
                c.segment = row.nextText();
                c.enteredOn = row.nextEpochDay();
                c.evaluatedOn = row.nextEpochDay();
                c.priorVersionId = row.nextLong();
                c.priorSegment = row.nextText();
                c.priorEnteredOn = row.nextEpochDay();
                c.priorEvaluatedOn = row.nextEpochDay();
                c.arm = row.nextText();
                c.inIntake = row.nextInt() == 1;
                c.brokenPromises = row.nextInt();
                c.planDpd = row.nextInt();
                c.onActivePlan = c.planDpd >= 0;
                c.overdueBeyondPlan = row.nextLong();
                c.delinquencyCause = row.nextText();
                long before = System.nanoTime();
                each.accept(c);
                consuming += System.nanoTime() - before;
                rows++;
            }
            return new Read(rows, (System.nanoTime() - started) / 1_000_000, consuming / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Reading the open cases of run " + runId + " failed: " + e.getMessage(), e);
        }
    }

    /** The query behind {@link #read}, one row per open case (public for EXPLAIN in benchmarks). */
    public static String select(long runId, LocalDate date, Long experimentId) {
        return """
                  with open_case as (select id, customer_id from collection_case where status = 'OPEN'),
                  holdings as (
                      select o.id as case_id, bit_or(%s) as products, bit_or(%s) as collateral_types,
                             sum(coalesce(k.appraised_value, 0)) as collateral_value
                      from open_case o join account a on a.customer_id = o.customer_id left join collateral k on k.account_id = a.id
                      group by o.id),
                  reachable as (
                      select o.id as case_id, count(*) as contacts
                      from open_case o join contact t on t.customer_id = o.customer_id
                      where t.valid and (t.phone is not null or t.email is not null) group by o.id)
                  select c.id, s.worst_days_past_due, s.bucket, coalesce(s.tier, ''), s.overdue_total, s.outstanding, s.repayment_trend,
                         s.repayment_variation_bp, coalesce(extract(year from age(date '%s', cu.birth_date))::int, -1),
                         coalesce(cu.occupation, ''), coalesce(cu.region_code, ''),
                         coalesce(h.products, 0), coalesce(h.collateral_types, 0), coalesce(h.collateral_value, 0), coalesce(r.contacts, 0),
                         g.strategy_version_id, g.segment_code, g.entered_on, g.evaluated_on,
                         g.prior_strategy_version_id, g.prior_segment_code, g.prior_entered_on, g.prior_evaluated_on, %s,
                         case when c.flow_stage = 'INTAKE' then 1 else 0 end,
                         coalesce(ag.broken_promises, 0),
                         case when ag.on_active_plan then greatest(0, date '%3$s' - coalesce(ag.plan_oldest_unpaid_due_on, date '%3$s')) else -1 end,
                         case when ag.on_active_plan then greatest(0, s.overdue_total - ag.plan_remaining) else s.overdue_total end,
                         coalesce(wc.delinquency_cause, '')
                  from collection_case c
                  join customer_status s on s.run_id = %d and s.customer_id = c.customer_id
                  join customer cu on cu.id = c.customer_id
                  left join holdings h on h.case_id = c.id
                  left join reachable r on r.case_id = c.id
                  left join case_segment g on g.case_id = c.id
                  left join case_agreement_status ag on ag.case_id = c.id
                  left join (select distinct on (case_id) case_id, delinquency_cause from workbench_call
                             where delinquency_cause is not null order by case_id, id desc) wc on wc.case_id = c.id
                  %s
                  where c.status = 'OPEN'"""
                .formatted(mask("a.product", PRODUCTS), mask("k.type", COLLATERAL_TYPES), date, experimentId == null ? "null" : "e.arm", runId,
                        experimentId == null ? "" : "left join case_experiment_arm e on e.experiment_id = " + experimentId + " and e.case_id = c.id");
    }

    private static String mask(String column, List<String> codes) {
        StringBuilder s = new StringBuilder("case " + column);
        for (int i = 0; i < codes.size(); i++) {
            s.append(" when '").append(codes.get(i)).append("' then ").append(1 << i);
        }
        return s.append(" else 0 end").toString();
    }

    /** Every subset of the codes, by bit mask, built once: cases share these sets instead of building their own. */
    @SuppressWarnings("unchecked")
    private static List<Set<String>> sets(List<String> codes) {
        Set<String>[] out = new Set[1 << codes.size()];
        for (int mask = 0; mask < out.length; mask++) {
            Set<String> set = new HashSet<>();
            for (int i = 0; i < codes.size(); i++) {
                if ((mask & (1 << i)) != 0) {
                    set.add(codes.get(i));
                }
            }
            out[mask] = Set.copyOf(set);
        }
        return List.of(out);
    }
}
