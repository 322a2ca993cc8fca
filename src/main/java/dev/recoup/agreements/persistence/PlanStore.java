package dev.recoup.agreements.persistence;

import dev.recoup.agreements.CreditRestoration;
import dev.recoup.agreements.domain.PlanStatus;
import dev.recoup.agreements.domain.ScheduledInstalment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Plans in SQL: writing one with its schedule, moving its status, reading it. */
@Component
public class PlanStore {

    private final JdbcClient jdbc;

    public PlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The products of the customer's accounts (their limits apply, the strictest of them). */
    public List<String> productsOf(long customerId) {
        return jdbc.sql("select distinct product from account where customer_id = ? order by 1").param(customerId).query(String.class).list();
    }

    /** The customer's overdue total as of the current daily run (the latest completed one), if assessed. */
    public Optional<Long> overdueTotal(long customerId) {
        return jdbc.sql("""
                        select s.overdue_total from customer_status s
                        where s.customer_id = ? and s.run_id = (select id from daily_run where status = 'COMPLETED' and superseded_by is null
                                                                order by business_date desc, id desc limit 1)""")
                .param(customerId).query(Long.class).optional();
    }

    /** The business date of the latest completed daily run (what plans were last tracked as of), if any. */
    public Optional<LocalDate> latestRunDate() {
        return jdbc.sql("select max(business_date) from daily_run where status = 'COMPLETED'").query(LocalDate.class).optional();
    }

    public Optional<Long> livePlanOf(long caseId) {
        return jdbc.sql("select id from plan where case_id = ? and status in ('PENDING_APPROVAL', 'ACTIVE')").param(caseId).query(Long.class).optional();
    }

    public record Insert(long caseId, long customerId, long total, int instalments, long firstPayment, String frequency, LocalDate startOn,
                         int maxInstalments, int minFirstPercent, String[] breaches, int graceDays, int breakAfterMissed, long income, long expenses,
                         String affordability, String affordabilityCode, PlanStatus status, Long agentId, Long teamId, LocalDate createdOn,
                         Instant createdAt, String createdBy, String note, List<ScheduledInstalment> schedule) {
    }

    /** Inserts the plan and its schedule; null when the case got a live plan meanwhile (the unique index). */
    public Long insert(Insert p) {
        Long id = jdbc.sql("""
                        insert into plan (case_id, customer_id, total, instalments, first_payment, frequency, start_on, max_instalments,
                                          min_first_percent, limit_breaches, grace_days, break_after_missed, monthly_income, monthly_expenses,
                                          affordability, affordability_code, status, agent_id, team_id, created_on, created_at, created_by, note,
                                          activated_on, oldest_unpaid_due_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (case_id) where status in ('PENDING_APPROVAL', 'ACTIVE') do nothing returning id""")
                .params(p.caseId(), p.customerId(), p.total(), p.instalments(), p.firstPayment(), p.frequency(), p.startOn(), p.maxInstalments(),
                        p.minFirstPercent(), p.breaches(), p.graceDays(), p.breakAfterMissed(), p.income(), p.expenses(), p.affordability(),
                        p.affordabilityCode(), p.status().name(), p.agentId(), p.teamId(), p.createdOn(), Timestamp.from(p.createdAt()), p.createdBy(),
                        p.note(), p.status() == PlanStatus.ACTIVE ? p.createdOn() : null, p.schedule().getFirst().dueOn())
                .query(Long.class).optional().orElse(null);
        if (id != null) {
            jdbc.sql("""
                            insert into plan_instalment (plan_id, seq, due_on, amount)
                            select ?, s, d, a from unnest(cast(? as int[]), cast(? as date[]), cast(? as bigint[])) as u(s, d, a)""")
                    .params(id, p.schedule().stream().mapToInt(ScheduledInstalment::seq).toArray(),
                            p.schedule().stream().map(i -> java.sql.Date.valueOf(i.dueOn())).toArray(java.sql.Date[]::new),
                            p.schedule().stream().mapToLong(ScheduledInstalment::amount).toArray())
                    .update();
        }
        return id;
    }

    public void setApproval(long planId, long approvalId) {
        jdbc.sql("update plan set approval_id = ?, updated_at = now() where id = ?").params(approvalId, planId).update();
    }

    /** PENDING_APPROVAL → ACTIVE; false when the plan was not pending. */
    public boolean activate(long planId, LocalDate today) {
        return jdbc.sql("update plan set status = 'ACTIVE', activated_on = ?, updated_at = now() where id = ? and status = 'PENDING_APPROVAL'")
                .params(today, planId).update() == 1;
    }

    /** Ends a live plan (REJECTED, CANCELLED); false when it was not in one of {@code from}. */
    public boolean end(long planId, PlanStatus to, LocalDate today, String reason, PlanStatus... from) {
        return jdbc.sql("""
                        update plan set status = ?, ended_on = ?, end_reason = ?, updated_at = now()
                        where id = ? and status = any(cast(? as text[]))""")
                .params(to.name(), today, reason, planId, Arrays.stream(from).map(Enum::name).toArray(String[]::new)).update() == 1;
    }

    /** The plan's row as stored. */
    public record Row(long id, long caseId, String customerRef, PlanStatus status, long total, int instalments, long firstPayment, String frequency,
                      LocalDate startOn, int maxInstalments, int minFirstPercent, List<String> breaches, int graceDays, int breakAfterMissed,
                      long income, long expenses, String affordability, String affordabilityCode, Long approvalId, String agentRef, String teamCode,
                      LocalDate createdOn, String createdBy, String note, LocalDate activatedOn, long paid, int missed, LocalDate oldestUnpaidDueOn,
                      LocalDate endedOn, String endReason, LocalDate creditRestorationOn) {
    }

    private static final String SELECT = """
            select p.id, p.case_id, cu.customer_ref, p.status, p.total, p.instalments, p.first_payment, p.frequency, p.start_on, p.max_instalments,
                   p.min_first_percent, p.limit_breaches, p.grace_days, p.break_after_missed, p.monthly_income, p.monthly_expenses, p.affordability,
                   p.affordability_code, p.approval_id, ag.agent_ref, tm.code, p.created_on, p.created_by, p.note, p.activated_on, p.paid, p.missed,
                   p.oldest_unpaid_due_on, p.ended_on, p.end_reason, r.eligible_on
            from plan p join customer cu on cu.id = p.customer_id
            left join agent ag on ag.id = p.agent_id left join team tm on tm.id = p.team_id
            left join credit_restoration r on r.plan_id = p.id
            """;

    public Optional<Row> find(long id) {
        return jdbc.sql(SELECT + " where p.id = ?").param(id).query(this::row).optional();
    }

    public List<Row> list(String status, Long caseId, int limit, long offset) {
        return jdbc.sql(SELECT + """
                         where (cast(:status as text) is null or p.status = :status) and (cast(:case as bigint) is null or p.case_id = :case)
                         order by p.id desc limit :limit offset :offset""")
                .param("status", status).param("case", caseId).param("limit", limit).param("offset", offset).query(this::row).list();
    }

    public List<ScheduledInstalment> schedule(long planId) {
        return jdbc.sql("select seq, due_on, amount from plan_instalment where plan_id = ? order by seq").param(planId)
                .query((rs, n) -> new ScheduledInstalment(rs.getInt(1), rs.getObject(2, LocalDate.class), rs.getLong(3))).list();
    }

    public List<CreditRestoration> creditRestorations(int limit, long offset) {
        return jdbc.sql("""
                        select cu.customer_ref, cu.name, r.plan_id, p.case_id, r.eligible_on
                        from credit_restoration r join customer cu on cu.id = r.customer_id join plan p on p.id = r.plan_id
                        order by r.eligible_on desc, r.customer_id limit ? offset ?""").params(limit, offset)
                .query((rs, n) -> new CreditRestoration(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getObject(5, LocalDate.class)))
                .list();
    }

    private Row row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), PlanStatus.valueOf(rs.getString(4)), rs.getLong(5), rs.getInt(6), rs.getLong(7),
                rs.getString(8), rs.getObject(9, LocalDate.class), rs.getInt(10), rs.getInt(11), Arrays.asList((String[]) rs.getArray(12).getArray()),
                rs.getInt(13), rs.getInt(14), rs.getLong(15), rs.getLong(16), rs.getString(17), rs.getString(18), (Long) rs.getObject(19),
                rs.getString(20), rs.getString(21), rs.getObject(22, LocalDate.class), rs.getString(23), rs.getString(24),
                rs.getObject(25, LocalDate.class), rs.getLong(26), rs.getInt(27), rs.getObject(28, LocalDate.class), rs.getObject(29, LocalDate.class),
                rs.getString(30), rs.getObject(31, LocalDate.class));
    }
}
