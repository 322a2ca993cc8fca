package dev.recoup.strategy.domain;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Strategy evaluation, one thread: which of 30 segments (first match) each of 100,000
 * pre-generated cases falls in. One JMH operation = one case, so the score is cases per second.
 * The same decision table runs through Recoup's compiled closures, CEL's own interpreter, and
 * Drools (a stateless session per case, and stateful sessions reused over batches; executable
 * model and classic DRL/MVEL). Run with {@code ./bench-jmh StrategyEvaluation} (docs/benchmarks.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Xms2g"})
@Threads(1)
@State(Scope.Thread)
public class StrategyEvaluationBenchmark {

    static final int CASES = 100_000;
    static final int BATCH = 10_000;

    private CaseAttributes[] cases;
    private CaseFact[] facts;
    private CompiledStrategy strategy;
    private CelRuntime.Program[] celPrograms;
    private StatelessKieSession droolsStateless;
    private DroolsDecisionTable droolsExecutableModel;
    private StatelessKieSession droolsMvelStateless;

    @Setup(Level.Trial)
    public void setUp() {
        StrategyDefinition definition = BenchmarkStrategy.definition();
        strategy = ((StrategyCompiler.Compiled) StrategyCompiler.compile(definition)).strategy();
        cases = BenchmarkStrategy.cases(CASES, 42);
        facts = new CaseFact[CASES];
        for (int i = 0; i < CASES; i++) {
            facts[i] = new CaseFact(cases[i]);
        }
        celPrograms = definition.segments().stream()
                .map(s -> CelReference.program(ConditionCompiler.compile(s.condition()).ast()))
                .toArray(CelRuntime.Program[]::new);
        droolsExecutableModel = new DroolsDecisionTable(definition, ExecutableModelProject.class);
        droolsStateless = droolsExecutableModel.statelessSession();
        KieSession droolsStateful = droolsExecutableModel.statefulSession();
        droolsMvelStateless = new DroolsDecisionTable(definition, null).statelessSession();
        // Like with like: every engine must agree on every case before anything is measured.
        for (int i = 0; i < CASES; i++) {
            int expected = strategy.segmentOf(cases[i]);
            if (DroolsDecisionTable.segmentOf(droolsStateless, facts[i]) != expected
                    || DroolsDecisionTable.segmentOf(droolsStateful, facts[i]) != expected
                    || (i % 10 == 0 && DroolsDecisionTable.segmentOf(droolsMvelStateless, facts[i]) != expected)
                    || (i % 10 == 0 && celSegmentOf(cases[i]) != expected)) {
                throw new IllegalStateException("engines disagree on case " + cases[i]);
            }
        }
        droolsStateful.dispose();
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public long recoupClosures() {
        long sum = 0;
        for (CaseAttributes c : cases) {
            sum += strategy.segmentOf(c);
        }
        return sum;
    }

    /** The daily run's per-case work: the segment and the steps due in it. */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public long recoupClosuresWithDueSteps() {
        long sum = 0;
        for (CaseAttributes c : cases) {
            int segment = strategy.segmentOf(c);
            sum += segment + strategy.dueSteps(segment, c).size();
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public long celInterpreter() {
        long sum = 0;
        for (CaseAttributes c : cases) {
            sum += celSegmentOf(c);
        }
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public long droolsStatelessExecutableModel() {
        long sum = 0;
        for (CaseFact fact : facts) {
            sum += DroolsDecisionTable.segmentOf(droolsStateless, fact);
        }
        return sum;
    }

    /**
     * One stateful session per batch of {@value #BATCH} cases (insert, fire, delete per case, then
     * dispose): Drools 10 keeps ~470 bytes per deleted fact in a long-lived session (terminal-node
     * tuples), so a single session for the whole run runs out of memory.
     */
    @Benchmark
    @OperationsPerInvocation(CASES)
    public long droolsStatefulExecutableModel() {
        long sum = 0;
        KieSession session = null;
        for (int i = 0; i < facts.length; i++) {
            if (i % BATCH == 0) {
                if (session != null) {
                    session.dispose();
                }
                session = droolsExecutableModel.statefulSession();
            }
            sum += DroolsDecisionTable.segmentOf(session, facts[i]);
        }
        session.dispose();
        return sum;
    }

    @Benchmark
    @OperationsPerInvocation(CASES)
    public long droolsStatelessDrlMvel() {
        long sum = 0;
        for (CaseFact fact : facts) {
            sum += DroolsDecisionTable.segmentOf(droolsMvelStateless, fact);
        }
        return sum;
    }

    private int celSegmentOf(CaseAttributes c) {
        for (int s = 0; s < celPrograms.length; s++) {
            try {
                if (Boolean.TRUE.equals(CelReference.evaluate(celPrograms[s], c))) {
                    return s;
                }
            } catch (CelEvaluationException e) {
                // an error does not hold, as in the compiled strategy
            }
        }
        return -1;
    }
}
