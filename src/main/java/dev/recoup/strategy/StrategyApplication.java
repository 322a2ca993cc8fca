package dev.recoup.strategy;

import dev.recoup.casework.CaseFlow;
import dev.recoup.casework.CaseStage;
import dev.recoup.casework.TaskDraft;
import dev.recoup.casework.Tasks;
import dev.recoup.contact.ContactHolds;
import dev.recoup.shared.BusinessClock;
import dev.recoup.strategy.domain.ArmAssignment;
import dev.recoup.strategy.domain.CaseAttributes;
import dev.recoup.strategy.domain.CompiledStrategy;
import dev.recoup.strategy.domain.DueStep;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.persistence.OpenCaseReader;
import dev.recoup.strategy.persistence.SegmentWriter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The daily run's "apply-strategy" step: every open case of the run gets its segment — by the
 * active version, or by its arm's version while an experiment runs — and the tasks its treatment
 * path has due. Runs inside the daily run's completion transaction, on its connection: one COPY
 * out of all open cases, evaluation in Java, COPY in of the results, then tasks in bulk.
 *
 * <p>A case that moves to another segment enters it today (days in stage restart at 0) and its open
 * strategy tasks are cancelled. A re-run of a date starts from the state the first run of that date
 * started from (kept in case_segment's prior_* columns), so it gives the same segments, and offers
 * the same tasks, which {@link Tasks#createDue} creates only once.
 */
@Service
public class StrategyApplication {

    private static final Logger log = LoggerFactory.getLogger(StrategyApplication.class);
    static final String STAGE_CHANGE_REASON = "STRATEGY_SEGMENT_CHANGED";
    private static final String READ_WORK_MEM = "256MB";

    private final StrategyCatalogue catalogue;
    private final Experiments experiments;
    private final OpenCaseReader reader;
    private final SegmentWriter writer;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Tasks tasks;
    private final CaseFlow caseFlow;
    private final ContactHolds holds;
    private final BusinessClock clock;

    public StrategyApplication(StrategyCatalogue catalogue, Experiments experiments, OpenCaseReader reader, SegmentWriter writer,
                               DataSource dataSource, JdbcClient jdbc, Tasks tasks, CaseFlow caseFlow, ContactHolds holds,
                               BusinessClock clock) {
        this.catalogue = catalogue;
        this.experiments = experiments;
        this.reader = reader;
        this.writer = writer;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.tasks = tasks;
        this.caseFlow = caseFlow;
        this.holds = holds;
        this.clock = clock;
    }

    /** What a day's application did. */
    public record Result(long cases, long segmented, long enteredSegment, long inExperiment, long newInExperiment, long tasksOffered,
                         long tasksWithheldByHold, long tasksCreated, long tasksCancelled, long classified, Millis millis) {
    }

    /**
     * Where the step's time went: the read (query and parsing, evaluation excluded), evaluating the
     * cases, writing segments, cancelling and creating tasks, the case flow.
     */
    public record Millis(long read, long evaluate, long writeSegments, long cancelTasks, long createTasks, long caseFlow) {
    }

    public Result apply(long runId, LocalDate date) {
        StrategyVersion active = catalogue.ensureActive();
        Optional<Experiment> experiment = experiments.running();
        Evaluation evaluation = new Evaluation(runId, date, new VersionPlan(active, catalogue.compiled(active)),
                experiment.map(e -> new ExperimentPlan(e, catalogue)).orElse(null));
        Connection connection = DataSourceUtils.getConnection(dataSource);
        long t0 = System.nanoTime(), t1, t2, t3, t4, t5;
        OpenCaseReader.Read read;
        // Case synchronisation has just opened and closed cases: plans for the read below want fresh counts.
        jdbc.sql("analyze collection_case").update();
        // The read hashes and sorts every open case: with the default work_mem (4 MB) its joins spill to disk.
        String workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
        jdbc.sql("select set_config('work_mem', '" + READ_WORK_MEM + "', true)").query().singleRow();
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            read = reader.read(copy, runId, date, experiment.map(Experiment::id).orElse(null), evaluation::accept);
            jdbc.sql("select set_config('work_mem', ?, true)").param(workMem).query().singleRow();
            t1 = System.nanoTime();
            writer.write(copy, date, evaluation.segments, evaluation.changes, evaluation.arms);
            t2 = System.nanoTime();
        } catch (SQLException e) {
            throw new IllegalStateException("Applying the strategy for run " + runId + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        long cancelled = 0, classified = 0;
        // Cancel first: the tasks of the new segment, created next, must stay open.
        if (evaluation.leftSegment.size() > 0) {
            cancelled = tasks.cancelForStageChange(evaluation.leftSegment.toArray(), date, STAGE_CHANGE_REASON);
        }
        long offered = evaluation.drafts.size();
        // The gate's holds guard task creation (R10, R14): no contact task for a case whose contact is
        // stopped (complaint, dispute, deceased, bankrupt, lawyer, cease notice). The other parts of the
        // gate (hours, caps, channel rules) depend on the moment of contact and are asked then.
        long withheld = 0;
        long[] contacted = evaluation.drafts.casesWithContactSteps();
        if (contacted.length > 0) {
            Set<Long> stopped = holds.casesUnderContactHold(contacted, clock.now());
            withheld = evaluation.drafts.withholdContactSteps(stopped);
        }
        t3 = System.nanoTime();
        long created = tasks.createDue(runId, date, evaluation.drafts.iterator());
        t4 = System.nanoTime();
        if (evaluation.newlySegmented.size() > 0) {
            classified = caseFlow.advanceByRule(evaluation.newlySegmented.toArray(), CaseStage.CLASSIFIED, date, "segmented");
        }
        t5 = System.nanoTime();
        Result result = new Result(evaluation.cases, evaluation.segmented, evaluation.enteredSegment, evaluation.inExperiment,
                evaluation.arms.size(), offered, withheld, created, cancelled, classified,
                new Millis(ms(t0, t1) - read.consumerMillis(), read.consumerMillis(), ms(t1, t2), ms(t2, t3), ms(t3, t4), ms(t4, t5)));
        log.info("Strategy {} v{}{} applied for {}: {}", active.strategyCode(), active.version(),
                experiment.map(e -> " (experiment " + e.name() + ")").orElse(""), date, result);
        return result;
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** A saved version ready to evaluate: compiled, with what the step needs per segment looked up once. */
    static final class VersionPlan {
        final long id;
        final CompiledStrategy compiled;
        final String[] segmentCodes;
        final String[] queues;
        final List<Set<String>> guardedSteps = new ArrayList<>();
        final String source;

        VersionPlan(StrategyVersion version, CompiledStrategy compiled) {
            this.id = version.id();
            this.compiled = compiled;
            List<StrategyDefinition.Segment> segments = version.definition().segments();
            this.segmentCodes = segments.stream().map(StrategyDefinition.Segment::code).toArray(String[]::new);
            this.queues = segments.stream().map(StrategyDefinition.Segment::queue).toArray(String[]::new);
            for (StrategyDefinition.Segment s : segments) {
                Set<String> guarded = new HashSet<>();
                for (StrategyDefinition.Step step : s.steps() == null ? List.<StrategyDefinition.Step>of() : s.steps()) {
                    if (step.condition() != null && !step.condition().isBlank()) {
                        guarded.add(step.key());
                    }
                }
                guardedSteps.add(guarded);
            }
            this.source = "strategy:" + version.id();
        }
    }

    static final class ExperimentPlan {
        final long id;
        final ArmAssignment assignment;
        final Map<String, VersionPlan> arms = new HashMap<>();

        ExperimentPlan(Experiment experiment, StrategyCatalogue catalogue) {
            this.id = experiment.id();
            this.assignment = new ArmAssignment(experiment.seed(),
                    experiment.arms().stream().map(a -> new ArmAssignment.Arm(a.code(), a.percent())).toList());
            for (Experiment.Arm arm : experiment.arms()) {
                StrategyVersion version = catalogue.version(arm.strategyVersionId());
                arms.put(arm.code(), new VersionPlan(version, catalogue.compiled(version)));
            }
        }
    }

    /** Evaluates the cases as they stream in and keeps the results as COPY rows and compact columns. */
    private static final class Evaluation {
        private final long runId;
        private final LocalDate date;
        private final long today;
        private final VersionPlan active;
        private final ExperimentPlan experiment;
        final SegmentWriter.Rows segments = SegmentWriter.segmentRows(1 << 16);
        final SegmentWriter.Rows changes = SegmentWriter.changeRows(1 << 12);
        final SegmentWriter.Rows arms = SegmentWriter.armRows(1 << 10);
        final Drafts drafts = new Drafts();
        final LongList leftSegment = new LongList();
        final LongList newlySegmented = new LongList();
        long cases, segmented, enteredSegment, inExperiment;

        Evaluation(long runId, LocalDate date, VersionPlan active, ExperimentPlan experiment) {
            this.runId = runId;
            this.date = date;
            this.today = date.toEpochDay();
            this.active = active;
            this.experiment = experiment;
        }

        void accept(OpenCaseReader.OpenCase c) {
            cases++;
            // The state the case starts the day in: on a re-run of the date, the state before its first run.
            boolean rerun = c.evaluatedOn == today;
            boolean hadBase = rerun ? c.priorEvaluatedOn != OpenCaseReader.NULL : c.hasSegmentRow();
            String baseSegment = rerun ? c.priorSegment : c.segment;
            long baseEntered = rerun ? c.priorEnteredOn : c.enteredOn;
            long baseEvaluated = rerun ? c.priorEvaluatedOn : c.evaluatedOn;
            long baseVersion = rerun ? c.priorVersionId : c.versionId;

            VersionPlan plan = active;
            String arm = null;
            if (experiment != null) {
                arm = c.arm;
                if (arm == null) {
                    arm = experiment.assignment.armOf(c.caseId);
                    arms.add(c.caseId).add(experiment.id).add(arm).add(date).add(c.overdue).end();
                }
                plan = experiment.arms.get(arm);
                inExperiment++;
            }

            CaseAttributes attributes = c.attributes(hadBase ? (int) (today - baseEntered) : 0);
            int segment = plan.compiled.segmentOf(attributes);
            String code = segment >= 0 ? plan.segmentCodes[segment] : null;
            boolean entered = !hadBase || !Objects.equals(baseSegment, code);
            long enteredOn = entered ? today : baseEntered;

            if (segment >= 0) {
                segmented++;
                CaseAttributes inStage = entered ? c.attributes(0) : attributes;
                Set<String> guarded = plan.guardedSteps.get(segment);
                // Steps due on or before the last evaluation in the same stage by the same version were
                // offered then; offering them again would only make createDue look them up for nothing.
                // Guarded steps are always offered: their condition may have just started to hold.
                boolean offeredBefore = !entered && hadBase && baseVersion == plan.id;
                for (DueStep step : plan.compiled.dueSteps(segment, inStage)) {
                    long dueOn = enteredOn + step.dayOfStage();
                    if (offeredBefore && dueOn <= baseEvaluated && !guarded.contains(step.stepKey())) {
                        continue;
                    }
                    drafts.add(c.caseId, (int) dueOn, step, step.queue() != null ? step.queue() : plan.queues[segment], plan.source);
                }
                // Only cases still in intake: the flow moves forward only, and casework opens most cases classified.
                if ((!hadBase || baseSegment == null) && c.inIntake) {
                    newlySegmented.add(c.caseId);
                }
            }
            if (entered && (hadBase || code != null)) {
                enteredSegment++;
                changes.add(c.caseId).add(date).add(runId).add(hadBase ? baseSegment : null).add(code).add(plan.id).end();
            }
            // Compared with what is published now (not the base): on a re-run that moves the case as the
            // first run did, its new segment's tasks are already there and must stay open.
            if (c.hasSegmentRow() && !Objects.equals(c.segment, code)) {
                leftSegment.add(c.caseId);
            }
            segments.add(c.caseId).add(plan.id).add(arm).add(code).add(segment >= 0 ? plan.queues[segment] : null)
                    .addEpochDay(enteredOn).add(date).add(runId);
            if (hadBase) {
                segments.addNullable(baseVersion).add(baseSegment).addEpochDay(baseEntered).addEpochDay(baseEvaluated);
            } else {
                segments.add((String) null).add((String) null).add((LocalDate) null).add((LocalDate) null);
            }
            segments.end();
        }
    }

    /** Task drafts held as columns; {@link TaskDraft}s are made one at a time as createDue reads them. */
    static final class Drafts implements Iterable<TaskDraft> {
        private long[] caseIds = new long[1024];
        private int[] dueOn = new int[1024];
        private DueStep[] steps = new DueStep[1024];
        private String[] queues = new String[1024];
        private String[] sources = new String[1024];
        private int size;

        void add(long caseId, int dueOnEpochDay, DueStep step, String queue, String source) {
            if (size == caseIds.length) {
                int grown = size * 2;
                caseIds = Arrays.copyOf(caseIds, grown);
                dueOn = Arrays.copyOf(dueOn, grown);
                steps = Arrays.copyOf(steps, grown);
                queues = Arrays.copyOf(queues, grown);
                sources = Arrays.copyOf(sources, grown);
            }
            caseIds[size] = caseId;
            dueOn[size] = dueOnEpochDay;
            steps[size] = step;
            queues[size] = queue;
            sources[size] = source;
            size++;
        }

        int size() {
            return size;
        }

        /** The distinct cases with at least one step that contacts the debtor, sorted. */
        long[] casesWithContactSteps() {
            return java.util.stream.IntStream.range(0, size).filter(i -> steps[i].type().contactsTheDebtor())
                    .mapToLong(i -> caseIds[i]).sorted().distinct().toArray();
        }

        /** Drops the contact steps of these cases; returns how many were dropped. */
        int withholdContactSteps(Set<Long> stoppedCases) {
            if (stoppedCases.isEmpty()) {
                return 0;
            }
            int kept = 0;
            for (int i = 0; i < size; i++) {
                if (steps[i].type().contactsTheDebtor() && stoppedCases.contains(caseIds[i])) {
                    continue;
                }
                caseIds[kept] = caseIds[i];
                dueOn[kept] = dueOn[i];
                steps[kept] = steps[i];
                queues[kept] = queues[i];
                sources[kept] = sources[i];
                kept++;
            }
            int dropped = size - kept;
            Arrays.fill(steps, kept, size, null);
            size = kept;
            return dropped;
        }

        @Override
        public Iterator<TaskDraft> iterator() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < size;
                }

                @Override
                public TaskDraft next() {
                    if (next >= size) {
                        throw new NoSuchElementException();
                    }
                    DueStep step = steps[next];
                    TaskDraft draft = new TaskDraft(caseIds[next], step.type().name(), step.segmentCode() + "/" + step.stepKey(),
                            LocalDate.ofEpochDay(dueOn[next]), queues[next], step.template(), sources[next]);
                    next++;
                    return draft;
                }
            };
        }
    }

    static final class LongList {
        private long[] values = new long[256];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        int size() {
            return size;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
