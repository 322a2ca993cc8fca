package dev.recoup.strategy.persistence;

import dev.recoup.strategy.Experiment;
import dev.recoup.strategy.domain.RatioDifference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Experiments, their arms and the cases' arms; callers hold the transaction. */
@Component
public class ExperimentStore {

    private final JdbcClient jdbc;

    public ExperimentStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, String name, String status, LocalDate startedOn, LocalDate stoppedOn, long seed, String createdBy,
                       OffsetDateTime createdAt) {
    }

    public long create(String name, long seed, LocalDate startedOn, String by, Instant at, List<Experiment.Arm> arms) {
        long id = jdbc.sql("""
                        insert into experiment (name, status, started_on, seed, created_by, created_at)
                        values (?, 'RUNNING', ?, ?, ?, ?) returning id""")
                .params(name, startedOn, seed, by, StrategyStore.utc(at)).query(Long.class).single();
        for (int i = 0; i < arms.size(); i++) {
            Experiment.Arm arm = arms.get(i);
            jdbc.sql("insert into experiment_arm (experiment_id, arm, position, strategy_version_id, percent) values (?, ?, ?, ?, ?)")
                    .params(id, arm.code(), i, arm.strategyVersionId(), arm.percent()).update();
        }
        return id;
    }

    public boolean stop(long id, LocalDate stoppedOn) {
        return jdbc.sql("update experiment set status = 'STOPPED', stopped_on = ? where id = ? and status = 'RUNNING'")
                .params(stoppedOn, id).update() == 1;
    }

    public Optional<Experiment> find(long id) {
        return jdbc.sql("select id, name, status, started_on, stopped_on, seed, created_by, created_at from experiment where id = ?")
                .param(id).query(Row.class).optional().map(this::withArms);
    }

    public Optional<Experiment> running() {
        return jdbc.sql("select id, name, status, started_on, stopped_on, seed, created_by, created_at from experiment where status = 'RUNNING'")
                .query(Row.class).optional().map(this::withArms);
    }

    public List<Experiment> list() {
        return jdbc.sql("select id, name, status, started_on, stopped_on, seed, created_by, created_at from experiment order by id desc")
                .query(Row.class).list().stream().map(this::withArms).toList();
    }

    private Experiment withArms(Row r) {
        List<Experiment.Arm> arms = jdbc.sql("""
                        select a.arm as code, a.strategy_version_id, s.code as strategy_code, v.version, a.percent
                        from experiment_arm a join strategy_version v on v.id = a.strategy_version_id join strategy s on s.id = v.strategy_id
                        where a.experiment_id = ? order by a.position""")
                .param(r.id()).query(Experiment.Arm.class).list();
        return new Experiment(r.id(), r.name(), r.status(), r.startedOn(), r.stoppedOn(), r.seed(), r.createdBy(), r.createdAt(), arms);
    }

    /** Per arm: cases, overdue at entry, recovered since entry, and the sums the confidence interval needs. */
    public record ArmOutcome(String arm, long cases, long overdueAtEntry, long recovered, RatioDifference.ArmSums sums) {
    }

    /**
     * Recovered = payments on any account of the case's customer made after the day the case entered
     * the arm, up to the day the experiment stopped (if it has). One pass: per-case sums by a hash
     * join, then per-arm sums (squares in numeric, as fen squared overflow bigint).
     */
    public Map<String, ArmOutcome> outcomes(long experimentId) {
        Map<String, ArmOutcome> out = new LinkedHashMap<>();
        jdbc.sql("""
                        with entered as (
                            select e.arm, e.case_id, e.entered_on, e.overdue_at_entry as x, c.customer_id
                            from case_experiment_arm e join collection_case c on c.id = e.case_id
                            where e.experiment_id = :id),
                        recovered as (
                            select n.case_id, sum(p.amount) as y
                            from entered n
                            join account a on a.customer_id = n.customer_id
                            join payment p on p.account_id = a.id and p.paid_on > n.entered_on
                            cross join (select stopped_on from experiment where id = :id) x
                            where x.stopped_on is null or p.paid_on <= x.stopped_on
                            group by n.case_id),
                        per_case as (
                            select n.arm, n.x::numeric as x, coalesce(r.y, 0)::numeric as y
                            from entered n left join recovered r on r.case_id = n.case_id)
                        select arm, count(*) as n, sum(x)::bigint as overdue, sum(y)::bigint as recovered,
                               sum(x)::float8 as sx, sum(y)::float8 as sy, sum(x * x)::float8 as sxx, sum(y * y)::float8 as syy,
                               sum(x * y)::float8 as sxy
                        from per_case group by arm""")
                .param("id", experimentId)
                .query((rs, i) -> new ArmOutcome(rs.getString("arm"), rs.getLong("n"), rs.getLong("overdue"), rs.getLong("recovered"),
                        new RatioDifference.ArmSums(rs.getLong("n"), rs.getDouble("sx"), rs.getDouble("sy"), rs.getDouble("sxx"),
                                rs.getDouble("syy"), rs.getDouble("sxy"))))
                .list().forEach(o -> out.put(o.arm(), o));
        return out;
    }
}
