package dev.recoup.strategy.domain;

import org.drools.model.codegen.ExecutableModelProject;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.StatelessKieSession;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark compares like with like: Drools picks the same segment as Recoup for every case. */
class DroolsDecisionTableTest {

    @Test
    void droolsAndTheCompiledStrategyPutEveryCaseInTheSameSegment() {
        StrategyDefinition definition = BenchmarkStrategy.definition();
        assertThat(definition.segments()).hasSize(30);
        CompiledStrategy strategy = ((StrategyCompiler.Compiled) StrategyCompiler.compile(definition)).strategy();
        DroolsDecisionTable drools = new DroolsDecisionTable(definition, ExecutableModelProject.class);
        StatelessKieSession stateless = drools.statelessSession();
        KieSession stateful = drools.statefulSession();
        int[] perSegment = new int[30];
        for (CaseAttributes attributes : BenchmarkStrategy.cases(5_000, 7)) {
            int segment = strategy.segmentOf(attributes);
            CaseFact fact = new CaseFact(attributes);
            assertThat(DroolsDecisionTable.segmentOf(stateless, fact)).as("case %s", attributes).isEqualTo(segment);
            assertThat(DroolsDecisionTable.segmentOf(stateful, fact)).as("case %s", attributes).isEqualTo(segment);
            perSegment[segment]++;
        }
        stateful.dispose();
        // The cases spread over the strategy, campaigns included, so the comparison exercises every kind of condition.
        assertThat(java.util.Arrays.stream(perSegment).filter(n -> n > 0).count()).isGreaterThanOrEqualTo(25);
    }
}
