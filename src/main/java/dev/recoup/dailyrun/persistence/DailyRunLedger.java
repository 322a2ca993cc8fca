package dev.recoup.dailyrun.persistence;

import dev.recoup.dailyrun.DailyRun;
import dev.recoup.dailyrun.DailyRunStep;
import dev.recoup.shared.ConflictException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The record of daily runs: one row a run, its steps with timings, its chunks. */
@Component
public class DailyRunLedger {

    private final JdbcClient jdbc;

    public DailyRunLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Chunk(int chunkNo, long firstAccountId, long lastAccountId) {
    }

    private static final String RUN_COLUMNS = "id, business_date, status, triggered_by, previous_run_id, accounts_total, accounts_done,"
            + " started_at, finished_at, failure, summary::text as summary_json, superseded_by";

    public long create(LocalDate businessDate, String triggeredBy, Long previousRunId) {
        try {
            return jdbc.sql("insert into daily_run (business_date, status, triggered_by, previous_run_id) values (?, 'RUNNING', ?, ?) returning id")
                    .params(businessDate, triggeredBy, previousRunId).query(Long.class).single();
        } catch (DuplicateKeyException e) {
            DailyRun running = running().orElseThrow(() -> e);
            throw new ConflictException("Daily run " + running.id() + " for " + running.businessDate() + " is still in progress; wait for it to finish.");
        }
    }

    public Optional<DailyRun> find(long id) {
        return jdbc.sql("select " + RUN_COLUMNS + " from daily_run where id = ?").param(id).query(DailyRun.class).optional();
    }

    public Optional<DailyRun> running() {
        return jdbc.sql("select " + RUN_COLUMNS + " from daily_run where status = 'RUNNING'").query(DailyRun.class).optional();
    }

    /** The run whose snapshot is "the current state": the latest completed, not replaced by a re-run. */
    public Optional<DailyRun> current() {
        return jdbc.sql("select " + RUN_COLUMNS + " from daily_run where status = 'COMPLETED' and superseded_by is null"
                + " order by business_date desc, id desc limit 1").query(DailyRun.class).optional();
    }

    public Optional<DailyRun> currentBefore(LocalDate businessDate) {
        return jdbc.sql("select " + RUN_COLUMNS + " from daily_run where status = 'COMPLETED' and superseded_by is null"
                + " and business_date < ? and not snapshot_dropped order by business_date desc, id desc limit 1")
                .param(businessDate).query(DailyRun.class).optional();
    }

    public List<DailyRun> recent(int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from daily_run order by id desc limit ?").param(limit).query(DailyRun.class).list();
    }

    public List<DailyRunStep> steps(long runId) {
        return jdbc.sql("select position, step, started_at, finished_at, millis from daily_run_step where run_id = ? order by position")
                .param(runId).query(DailyRunStep.class).list();
    }

    public boolean stepDone(long runId, int position) {
        return jdbc.sql("select count(*) from daily_run_step where run_id = ? and position = ? and finished_at is not null")
                .params(runId, position).query(Integer.class).single() > 0;
    }

    public void recordStep(long runId, int position, String step, Instant startedAt, Instant finishedAt) {
        jdbc.sql("""
                insert into daily_run_step (run_id, position, step, started_at, finished_at, millis) values (?, ?, ?, ?, ?, ?)
                on conflict (run_id, position) do update set started_at = excluded.started_at, finished_at = excluded.finished_at,
                    millis = excluded.millis""")
                .params(runId, position, step, OffsetDateTime.ofInstant(startedAt, java.time.ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(finishedAt, java.time.ZoneOffset.UTC), finishedAt.toEpochMilli() - startedAt.toEpochMilli())
                .update();
    }

    /** Splits the portfolio into chunks of about {@code chunkSize} accounts, unless the run already has its plan. */
    public void planChunks(long runId, int chunkSize) {
        if (jdbc.sql("select count(*) from daily_run_chunk where run_id = ?").param(runId).query(Integer.class).single() > 0) {
            return;
        }
        jdbc.sql("""
                insert into daily_run_chunk (run_id, chunk_no, first_account_id, last_account_id, accounts)
                select ?, g, min(id), max(id), count(*)
                from (select id, (row_number() over (order by id) - 1) / ? as g from account) numbered
                group by g""").params(runId, chunkSize).update();
        jdbc.sql("update daily_run set accounts_total = (select coalesce(sum(accounts), 0) from daily_run_chunk where run_id = ?) where id = ?")
                .params(runId, runId).update();
    }

    public List<Chunk> pendingChunks(long runId) {
        return jdbc.sql("select chunk_no, first_account_id, last_account_id from daily_run_chunk where run_id = ? and not done order by chunk_no")
                .param(runId).query(Chunk.class).list();
    }

    public void complete(long runId, String summaryJson) {
        jdbc.sql("update daily_run set status = 'COMPLETED', finished_at = clock_timestamp(), summary = ?::jsonb where id = ?").params(summaryJson, runId).update();
        jdbc.sql("""
                update daily_run set superseded_by = ?
                where business_date = (select business_date from daily_run where id = ?) and status = 'COMPLETED' and id <> ? and superseded_by is null""")
                .params(runId, runId, runId).update();
    }

    public void fail(long runId, String failure) {
        jdbc.sql("update daily_run set status = 'FAILED', finished_at = clock_timestamp(), failure = ? where id = ? and status = 'RUNNING'")
                .params(failure, runId).update();
    }

    /**
     * Runs whose snapshot may go: replaced by a re-run, failed, or more than the retention period before the latest
     * business date (counted in business dates, not wall-clock days); month ends and the current run stay.
     */
    public List<Long> snapshotsToDrop(int retentionDays) {
        return jdbc.sql("""
                select id from daily_run r
                where not snapshot_dropped and status <> 'RUNNING'
                  and (superseded_by is not null or status = 'FAILED'
                       or (business_date < (select max(business_date) from daily_run where status = 'COMPLETED') - ?
                           and business_date <> (date_trunc('month', business_date) + interval '1 month - 1 day')::date))
                  and id <> coalesce((select id from daily_run where status = 'COMPLETED' and superseded_by is null
                                      order by business_date desc, id desc limit 1), -1)""")
                .param(retentionDays).query(Long.class).list();
    }

    public void markSnapshotDropped(long runId) {
        jdbc.sql("update daily_run set snapshot_dropped = true where id = ?").param(runId).update();
    }
}
