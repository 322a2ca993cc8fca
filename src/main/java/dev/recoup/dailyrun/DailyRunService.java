package dev.recoup.dailyrun;

import dev.recoup.agreements.AgreementsDailyStep;
import dev.recoup.allocation.AllocationService;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseSynchronisation;
import dev.recoup.casework.Tasks;
import dev.recoup.dailyrun.persistence.AccountChunkAssessor;
import dev.recoup.dailyrun.persistence.CustomerAssessor;
import dev.recoup.dailyrun.persistence.DailyRunLedger;
import dev.recoup.dailyrun.persistence.StatusSnapshots;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import dev.recoup.shared.PortfolioWriteLock;
import dev.recoup.strategy.StrategyApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the daily run (日终) for a business date, as ordered steps:
 * <ol>
 *   <li>prepare — snapshot partitions and the chunk plan;</li>
 *   <li>assess accounts — chunk by chunk, each committed with its results (progress, restart point);</li>
 *   <li>assess customers — worst DPD, totals, good history, tier;</li>
 *   <li>index snapshots;</li>
 *   <li>record changes, synchronise cases, judge promises and track plans (agreements), apply the strategy (segments and tasks), allocate cases to
 *       agents and agencies, review the case flow (stage moves, escalations, tasks of closed cases
 *       cancelled, stale tasks expired), summarise, complete — one transaction, so the new state
 *       becomes current all at once;</li>
 *   <li>clean up — drop snapshots no longer needed.</li>
 * </ol>
 * Every step's timing is kept. A run interrupted by a crash stays RUNNING and is resumed at the
 * next start ({@link #resumeInterruptedRun()}), skipping finished steps and chunks.
 */
@Service
public class DailyRunService {

    private static final Logger log = LoggerFactory.getLogger(DailyRunService.class);
    /** Held by the process executing a run, so two instances never execute the same run. */
    private static final long RUN_OWNER_LOCK = 7_301_002L;

    static final List<String> STEPS = List.of("prepare", "assess-accounts", "assess-customers", "index-snapshots",
            "record-changes", "synchronise-cases", "agreements", "apply-strategy", "allocate", "review-case-flow", "summarise", "clean-up");

    private final DailyRunLedger ledger;
    private final StatusSnapshots snapshots;
    private final AccountChunkAssessor accounts;
    private final CustomerAssessor customers;
    private final CaseSynchronisation cases;
    private final StrategyApplication strategy;
    private final AllocationService allocation;
    private final CaseFlow caseFlow;
    private final Tasks tasks;
    private final AgreementsDailyStep agreements;
    private final DailyRunProperties properties;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;
    private final ExecutorService background = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("daily-run").daemon().factory());

    DailyRunService(DailyRunLedger ledger, StatusSnapshots snapshots, AccountChunkAssessor accounts, CustomerAssessor customers,
                    CaseSynchronisation cases, StrategyApplication strategy, AllocationService allocation, CaseFlow caseFlow, Tasks tasks,
                    AgreementsDailyStep agreements, DailyRunProperties properties, DataSource dataSource, JdbcClient jdbc, TransactionTemplate transaction,
                    BusinessClock clock) {
        this.ledger = ledger;
        this.snapshots = snapshots;
        this.accounts = accounts;
        this.customers = customers;
        this.cases = cases;
        this.strategy = strategy;
        this.allocation = allocation;
        this.caseFlow = caseFlow;
        this.tasks = tasks;
        this.agreements = agreements;
        this.properties = properties;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Starts a run in the background and returns at once with its id. A day that has not come yet is refused: its
     * run would become the current snapshot, with every account's days past due counted from a date still ahead.
     */
    public long start(LocalDate businessDate, String triggeredBy) {
        if (businessDate.isAfter(clock.today())) {
            throw new InvalidInputException("businessDate", businessDate.toString(), "must not be after today, " + clock.today());
        }
        long runId = begin(businessDate, triggeredBy);
        background.submit(() -> execute(runId));
        return runId;
    }

    /** Runs to the end in the caller's thread (benchmarks, demo loading, tests). */
    public DailyRun runToCompletion(LocalDate businessDate, String triggeredBy) {
        long runId = begin(businessDate, triggeredBy);
        execute(runId);
        return find(runId);
    }

    public DailyRun find(long runId) {
        return ledger.find(runId).orElseThrow(() -> new NotFoundException("daily run", runId));
    }

    public List<DailyRunStep> steps(long runId) {
        return ledger.steps(runId);
    }

    /** Resumes a run a crash left RUNNING; returns its id if there was one. */
    public Long resumeInterruptedRun() {
        return ledger.running().map(run -> {
            log.warn("Resuming daily run {} for {} interrupted before it finished", run.id(), run.businessDate());
            background.submit(() -> execute(run.id()));
            return run.id();
        }).orElse(null);
    }

    private long begin(LocalDate businessDate, String triggeredBy) {
        ledger.current().filter(latest -> latest.businessDate().isAfter(businessDate)).ifPresent(latest -> {
            throw new ConflictException("A daily run for " + latest.businessDate() + " has completed; runs go forward only."
                    + " Run " + latest.businessDate() + " again or a later date.");
        });
        Long previous = ledger.currentBefore(businessDate).map(DailyRun::id).orElse(null);
        return ledger.create(businessDate, triggeredBy, previous);
    }

    private void execute(long runId) {
        try (Connection owner = dataSource.getConnection()) {
            if (!query(owner, "select pg_try_advisory_lock(" + RUN_OWNER_LOCK + ")")) {
                log.info("Daily run {} is being executed elsewhere", runId);
                return;
            }
            try {
                DailyRun run = find(runId);
                LocalDate date = run.businessDate();
                step(runId, 0, () -> {
                    snapshots.createPartitions(runId);
                    ledger.planChunks(runId, properties.chunkSize());
                });
                step(runId, 1, () -> assessAccounts(owner, runId, date));
                step(runId, 2, () -> customers.assess(runId, date, properties.tier().policy()));
                step(runId, 3, () -> snapshots.index(runId));
                // Changes, cases and completion in one transaction: the new state becomes current at once.
                transaction.executeWithoutResult(tx -> {
                    long[] moves = timed(runId, 4, () -> snapshots.recordChanges(runId, run.previousRunId(), date));
                    CaseSynchronisation.Result synced = timed(runId, 5, () -> cases.synchronise(runId, date));
                    // Promises judged and plans tracked before the strategy reads them (brokenPromises, onActivePlan).
                    timed(runId, STEPS.indexOf("agreements"), () -> agreements.run(runId, date));
                    StrategyApplication.Result applied = timed(runId, STEPS.indexOf("apply-strategy"), () -> strategy.apply(runId, date));
                    timed(runId, STEPS.indexOf("allocate"), () -> allocation.allocateInDailyRun(runId, date));
                    CaseReview reviewed = timed(runId, STEPS.indexOf("review-case-flow"), () -> reviewCaseFlow(runId, date));
                    timed(runId, STEPS.indexOf("summarise"), () -> {
                        ledger.complete(runId, summary(runId, moves, synced, applied, reviewed));
                        return null;
                    });
                });
                step(runId, STEPS.indexOf("clean-up"), this::cleanUp);
                log.info("Daily run {} for {} completed", runId, date);
            } finally {
                query(owner, "select pg_advisory_unlock(" + RUN_OWNER_LOCK + ")");
            }
        } catch (RuntimeException | SQLException e) {
            log.error("Daily run {} failed", runId, e);
            ledger.fail(runId, e.getMessage());
        }
    }

    /** Runs a step unless an earlier attempt of this run finished it, and records its timing. */
    private void step(long runId, int position, Runnable work) {
        if (!ledger.stepDone(runId, position)) {
            timed(runId, position, () -> {
                work.run();
                return null;
            });
        }
    }

    private <T> T timed(long runId, int position, java.util.function.Supplier<T> work) {
        Instant started = clock.now();
        T result = work.get();
        ledger.recordStep(runId, position, STEPS.get(position), started, clock.now());
        return result;
    }

    /** Holds the portfolio lock exclusively while reading it, so no import lands halfway through. */
    private void assessAccounts(Connection owner, long runId, LocalDate date) {
        query(owner, "select pg_advisory_lock(" + PortfolioWriteLock.KEY + ") is not null");
        ExecutorService workers = Executors.newFixedThreadPool(properties.parallelism());
        try {
            List<Future<Integer>> pending = new ArrayList<>();
            for (DailyRunLedger.Chunk chunk : ledger.pendingChunks(runId)) {
                pending.add(workers.submit(() -> accounts.assess(runId, date, chunk.chunkNo(), chunk.firstAccountId(), chunk.lastAccountId())));
            }
            for (Future<Integer> f : pending) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            workers.shutdownNow();
            query(owner, "select pg_advisory_unlock(" + PortfolioWriteLock.KEY + ")");
        }
    }

    /** What the case-flow review did: stage moves and escalations, then tasks of closed cases cancelled and stale ones expired. */
    private record CaseReview(CaseFlow.Review flow, long tasksClosed) {
    }

    private CaseReview reviewCaseFlow(long runId, LocalDate date) {
        CaseFlow.Review flow = caseFlow.dailyReview(runId, date);
        return new CaseReview(flow, tasks.closeStaleTasks(runId, date));
    }

    private String summary(long runId, long[] moves, CaseSynchronisation.Result synced, StrategyApplication.Result applied, CaseReview reviewed) {
        return jdbc.sql("""
                select jsonb_build_object(
                  'accounts', (select count(*) from account_status where run_id = %1$d),
                  'overdueAccounts', (select count(*) from account_status where run_id = %1$d and days_past_due > 0),
                  'customers', (select count(*) from customer_status where run_id = %1$d),
                  'overdueCustomers', (select count(*) from customer_status where run_id = %1$d and worst_days_past_due > 0),
                  'overdueTotalMinor', (select coalesce(sum(overdue_total), 0) from customer_status where run_id = %1$d),
                  'accountBucketChanges', %2$d,
                  'customerStatusChanges', %3$d,
                  'casesOpened', %4$d, 'casesClosed', %5$d, 'casesReopened', %6$d,
                  'caseFlow', jsonb_build_object('classified', %7$d, 'closed', %8$d, 'archived', %9$d, 'escalated', %10$d,
                                                 'tasksClosed', %11$d),
                  'strategy', jsonb_build_object('segmented', %12$d, 'enteredSegment', %13$d, 'tasksOffered', %14$d,
                                                 'tasksWithheldByHold', %15$d, 'tasksCreated', %16$d, 'tasksCancelled', %17$d),
                  'openCases', (select count(*) from collection_case where status = 'OPEN'),
                  'openCasesByTierAndBucket', (
                      select coalesce(jsonb_agg(jsonb_build_object('tier', tier, 'bucket', bucket, 'cases', cases, 'overdueMinor', overdue)
                                                order by tier, bucket), '[]'::jsonb)
                      from (select s.tier, s.bucket, count(*) as cases, sum(s.overdue_total) as overdue
                            from collection_case c join customer_status s on s.run_id = %1$d and s.customer_id = c.customer_id
                            where c.status = 'OPEN' group by s.tier, s.bucket) t))::text"""
                .formatted(runId, moves[0], moves[1], synced.opened(), synced.closed(), synced.reopened(), reviewed.flow().classified(),
                        reviewed.flow().closed(), reviewed.flow().archived(), reviewed.flow().escalated(), reviewed.tasksClosed(),
                        applied.segmented(), applied.enteredSegment(), applied.tasksOffered(), applied.tasksWithheldByHold(), applied.tasksCreated(),
                        applied.tasksCancelled())).query(String.class).single();
    }

    private void cleanUp() {
        for (long old : ledger.snapshotsToDrop(properties.snapshotRetentionDays())) {
            snapshots.drop(old);
            ledger.markSnapshotDropped(old);
        }
    }

    /** Runs a one-value boolean query on the run's own connection (advisory locks are per session). */
    private static boolean query(Connection connection, String sql) {
        try (var statement = connection.createStatement(); var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql, e);
        }
    }
}
