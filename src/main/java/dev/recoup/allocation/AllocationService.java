package dev.recoup.allocation;

import dev.recoup.allocation.domain.AllocationProblem;
import dev.recoup.allocation.domain.EffectivenessModel;
import dev.recoup.allocation.domain.EligibilityRules;
import dev.recoup.allocation.domain.EndReason;
import dev.recoup.allocation.domain.OptimisedAllocator;
import dev.recoup.allocation.domain.PoolCase;
import dev.recoup.allocation.domain.PropensityModel;
import dev.recoup.allocation.domain.RoundRobinAllocator;
import dev.recoup.allocation.domain.SnakeAllocator;
import dev.recoup.allocation.domain.Worker;
import dev.recoup.allocation.persistence.AllocationStore;
import dev.recoup.allocation.persistence.ModelStore;
import dev.recoup.allocation.persistence.RunStore;
import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Allocates the day's open cases to agents and agencies (R7). A run, in one transaction:
 * <ol>
 *   <li>ends what ends today — assignments of closed cases (CASE_CLOSED), agency placements at their
 *       end date (RECALLED, with the agency's recovered amount and commission), cases whose segment
 *       changed (STAGE_CHANGED), agent assignments whose review is due or whose agent left
 *       (REALLOCATED) — every ended assignment records what was recovered while it lasted;</li>
 *   <li>takes every open case in a queue that people work and that has no assignment left (the pool),
 *       and the workers' room after what they keep;</li>
 *   <li>deals the pool by round-robin, by snake and optimised on the same input, keeps the chosen
 *       method's allocation, and records all three expected recoveries and the LP bound side by side;</li>
 *   <li>writes the assignments (one COPY) and moves the assigned cases' flow to ASSIGNED.</li>
 * </ol>
 * A dry run does the same reading and solving, changes nothing, and keeps its proposal.
 */
@Service
public class AllocationService {

    private static final Logger log = LoggerFactory.getLogger(AllocationService.class);

    private final AllocationStore store;
    private final RunStore runs;
    private final ModelStore models;
    private final AllocationProperties properties;
    private final TransactionTemplate transaction;
    private final ObjectProvider<CaseFlow> caseFlow;
    private final ObjectMapper json;
    private final BusinessClock clock;
    private volatile OptimisedAllocator optimiser;

    AllocationService(AllocationStore store, RunStore runs, ModelStore models, AllocationProperties properties,
                      TransactionTemplate transaction, ObjectProvider<CaseFlow> caseFlow, ObjectMapper json, BusinessClock clock) {
        this.store = store;
        this.runs = runs;
        this.models = models;
        this.properties = properties;
        this.transaction = transaction;
        this.caseFlow = caseFlow;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The figures of a run.
     *
     * @param expected expected recovery (fen) of each method on the same cases and workers
     * @param lpBound  no allocation of these cases can expect more (the LP relaxation's value)
     */
    public record Outcome(long runId, LocalDate businessDate, AllocationMethod method, boolean dryRun, int casesToAllocate,
                          int casesAssigned, Map<EndReason, Integer> ended, Map<AllocationMethod, Long> expected, long lpBound,
                          long solveMillis) {
    }

    /**
     * Allocates on the current daily run's snapshot, now. {@code date} defaults to that run's business
     * date and may be neither before it nor after today; a real run may not go back before the latest real one.
     *
     * @throws ConflictException when no daily run has completed or another allocation is running
     */
    public Outcome run(AllocationMethod method, LocalDate date, boolean dryRun, String triggeredBy) {
        return transaction.execute(status -> {
            if (!store.lock(false)) {
                throw new ConflictException("Another allocation is running; try again in a minute");
            }
            AllocationStore.CurrentRun current = store.currentDailyRun().orElseThrow(() -> new ConflictException(
                    "No daily run has completed yet: allocation needs the day's tiers and overdue amounts"));
            LocalDate day = date == null ? current.businessDate() : date;
            if (day.isBefore(current.businessDate())) {
                throw new InvalidInputException("businessDate", day.toString(),
                        "must not be before " + current.businessDate() + ", the date of the latest daily run");
            }
            if (day.isAfter(clock.today())) {
                throw new InvalidInputException("businessDate", day.toString(), "must not be after today, " + clock.today());
            }
            store.latestAllocationDate().filter(latest -> !dryRun && latest.isAfter(day)).ifPresent(latest -> {
                throw new ConflictException("Cases were allocated for " + latest + " already; allocation goes forward only");
            });
            return perform(method, day, dryRun, triggeredBy, current.id());
        });
    }

    /** The daily run's "allocate" step: inside the run's completion transaction, on its own snapshot, with the configured method. */
    public Outcome allocateInDailyRun(long dailyRunId, LocalDate date) {
        store.lock(true);
        return perform(properties.dailyMethod(), date, false, "daily-run", dailyRunId);
    }

    private Outcome perform(AllocationMethod method, LocalDate date, boolean dryRun, String triggeredBy, long dailyRunId) {
        long runId = runs.begin(date, method, dryRun, triggeredBy, dailyRunId);
        if (!dryRun) {
            models.updatePropensityTallies(date);
        }
        List<PropensityModel.Tally> tallies = models.propensityTallies();
        List<EffectivenessModel.Outcome> outcomes = models.outcomes(date);
        PropensityModel propensity = PropensityModel.fit(tallies, properties.model().propensityPriorStrength());
        EffectivenessModel effectiveness = EffectivenessModel.fit(outcomes, properties.model().effectivenessPriorStrength());

        Map<EndReason, Integer> ended = store.markEndings(date, dailyRunId);
        List<Worker> workers = store.workers();
        List<PoolCase> pool = store.pool(dailyRunId);
        AllocationProblem problem = AllocationProblem.of(pool, workers, new EligibilityRules(properties.newAgentDays()), date, propensity,
                effectiveness);

        long solveStarted = System.nanoTime();
        int[] roundRobin = new RoundRobinAllocator().allocate(problem);
        int[] snake = new SnakeAllocator().allocate(problem);
        Map<String, Object> details = new LinkedHashMap<>();
        OptimisedAllocator.Result optimised = null;
        try {
            optimised = optimiser().solve(problem);
            details.put("optimiser", optimised.stats());
            // CP-SAT proved no allocation does better (small instances): the LP bound may still be higher.
            details.put("provenOptimal", "OPTIMAL".equals(optimised.stats().exactStatus()));
        } catch (RuntimeException e) {
            // The day's allocation must not stop on the solver: the other methods still give a valid one.
            log.error("Allocation run {}: the optimiser failed; {} falls back to SNAKE", runId, method, e);
            details.put("optimiserError", String.valueOf(e.getMessage()));
        }
        long solveMillis = (System.nanoTime() - solveStarted) / 1_000_000;
        int[] chosen = switch (method) {
            case ROUND_ROBIN -> roundRobin;
            case SNAKE -> snake;
            case OPTIMISED -> optimised != null ? optimised.workerOf() : snake;
        };
        problem.requireFeasible(chosen);

        List<AllocationStore.NewAssignment> assignments = new ArrayList<>();
        long[] newCases = new long[workers.size()], newOverdue = new long[workers.size()];
        double[] newExpected = new double[workers.size()];
        for (int c = 0; c < chosen.length; c++) {
            int w = chosen[c];
            if (w == AllocationProblem.NONE) {
                continue;
            }
            double expected = problem.value(c, w);
            assignments.add(new AllocationStore.NewAssignment(pool.get(c), workers.get(w), Math.round(expected)));
            newCases[w]++;
            newOverdue[w] += pool.get(c).overdue();
            newExpected[w] += expected;
        }
        if (dryRun) {
            store.writeProposals(runId, assignments);
        } else {
            store.applyEndings(date);
            store.writeAssignments(runId, method, date, properties.reallocationCycleDays(), store.placementDays(), assignments);
            long[] assigned = assignments.stream().mapToLong(a -> a.c().caseId()).toArray();
            caseFlow.ifAvailable(flow -> flow.advanceByRule(assigned, CaseStage.ASSIGNED, date, "allocated"));
        }
        List<RunStore.WorkerResult> results = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            results.add(new RunStore.WorkerResult(worker.kind().name(), worker.id(), worker.teamId(), (int) newCases[w], newOverdue[w],
                    Math.round(newExpected[w]), worker.heldCases() + (int) newCases[w], worker.heldAmount() + newOverdue[w]));
        }
        runs.writeWorkers(runId, results);

        Map<AllocationMethod, Long> expected = new EnumMap<>(AllocationMethod.class);
        expected.put(AllocationMethod.ROUND_ROBIN, Math.round(problem.value(roundRobin)));
        expected.put(AllocationMethod.SNAKE, Math.round(problem.value(snake)));
        if (optimised != null) {
            expected.put(AllocationMethod.OPTIMISED, Math.round(optimised.value()));
        }
        long lpBound = optimised != null ? (long) Math.ceil(optimised.upperBound()) : 0;
        details.put("workers", workers.size());
        details.put("casesNobodyMayTake", countUnassignable(problem));
        details.put("propensityObservations", tallies.stream().mapToLong(PropensityModel.Tally::observations).sum());
        details.put("finishedAssignmentsLearnedFrom", outcomes.stream().mapToLong(EffectivenessModel.Outcome::assignments).sum());
        runs.finish(runId, new RunStore.Figures(pool.size(), assignments.size(), ended.get(EndReason.CASE_CLOSED),
                ended.get(EndReason.RECALLED), ended.get(EndReason.STAGE_CHANGED), ended.get(EndReason.REALLOCATED),
                expected.get(AllocationMethod.ROUND_ROBIN), expected.get(AllocationMethod.SNAKE), expected.get(AllocationMethod.OPTIMISED),
                optimised != null ? lpBound : null, solveMillis, json.writeValueAsString(details)));
        log.info("Allocation run {} ({}, {}{}): {} cases to allocate, {} assigned; ended {}; expected recovery {} (LP bound {}), solved in {} ms",
                runId, date, method, dryRun ? ", dry run" : "", pool.size(), assignments.size(), ended, expected, lpBound, solveMillis);
        return new Outcome(runId, date, method, dryRun, pool.size(), assignments.size(), ended, expected, lpBound, solveMillis);
    }

    private static int countUnassignable(AllocationProblem problem) {
        int none = 0;
        for (int c = 0; c < problem.cases(); c++) {
            if (problem.eligible(c).length == 0) {
                none++;
            }
        }
        return none;
    }

    /** Created at first use: loading OR-Tools' native library takes a moment and is not needed to start Recoup. */
    private OptimisedAllocator optimiser() {
        OptimisedAllocator o = optimiser;
        if (o == null) {
            synchronized (this) {
                if (optimiser == null) {
                    var s = properties.optimiser();
                    optimiser = new OptimisedAllocator(new OptimisedAllocator.Settings(s.maxArcs(), s.exactBelowEdges(), s.exactSeconds(),
                            s.boundIterations()));
                }
                o = optimiser;
            }
        }
        return o;
    }
}
