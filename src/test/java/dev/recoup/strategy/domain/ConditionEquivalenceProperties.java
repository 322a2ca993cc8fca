package dev.recoup.strategy.domain;

import dev.cel.runtime.CelRuntime;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The translation is right: for any case, a condition's closures give what CEL's own runtime gives
 * on the same checked expression — true, false, or an evaluation error — for every default
 * strategy condition, a hand-written corpus, and random expressions over the whole supported subset.
 */
class ConditionEquivalenceProperties {

    static final List<String> HAND_WRITTEN = List.of(
            "dpd >= 31 && dpd <= 90 || !(tier == 'T1')",
            "'real_estate' in collateralTypes && size(products) > 1",
            "tier in ['T3', 'T4'] && dpd in [181, 365]",
            "score > 0 && score <= 0.5 && 1 < score",
            "score < 0 || score >= 0.75",
            "collateralValue * 2 >= overdueAmount + 100 && overdueAmount / 100 % 7 != -overdueAmount",
            "overdueAmount * 4611686018427387904 > 0 || dpd > 90",
            "dpd > 90 && overdueAmount * 4611686018427387904 > 0",
            "overdueAmount / (dpd - dpd) > 0 || true",
            "int(score * 100.0) > 50 && double(age) / 2.0 > 20.0",
            "int(score * 1e300) > 0",
            "region.startsWith('44') && occupation.endsWith('员') && occupation.contains('职') && region.matches('^4[0-9]')",
            "size(occupation) == 4 && occupation.size() == 4 && products.size() == 1 && bucket + '!' == 'M1!'",
            "(dpd > 30 ? overdueAmount : totalAmount) > 1000 && (dpd > 1 ? 'a' : 'b') < 'c'",
            "bucket in ['M4', 'M5', 'M6', 'M7+'] && repaymentTrend != 'RISING'",
            "occupation in ['公司职员', '教师'] || occupation == ''",
            "region in [occupation, '440305'] && age >= 18",
            "caseId % 10 < 5",
            "true",
            "false");

    static List<String> corpus() {
        List<String> corpus = new ArrayList<>(HAND_WRITTEN);
        for (StrategyDefinition.Segment segment : DefaultStrategy.definition().segments()) {
            corpus.add(segment.condition());
            segment.steps().stream().map(StrategyDefinition.Step::condition).filter(c -> c != null).forEach(corpus::add);
        }
        return corpus;
    }

    private record Compiled(String expression, Eval.Bool closure, CelRuntime.Program program) {
    }

    private static Compiled compile(String expression) {
        ConditionCompiler.Result result = ConditionCompiler.compile(expression);
        assertThat(result.issues()).as("issues compiling %s", expression).isEmpty();
        return new Compiled(expression, result.condition(), CelReference.program(result.ast()));
    }

    private static final List<Compiled> CORPUS = corpus().stream().distinct().map(ConditionEquivalenceProperties::compile).toList();

    @Property(tries = 1000)
    void closuresAgreeWithCelOnEveryDefaultAndHandWrittenCondition(@ForAll("cases") CaseAttributes attributes) {
        for (Compiled condition : CORPUS) {
            assertThat(CelReference.outcome(condition.closure(), attributes))
                    .as("%s on %s", condition.expression(), attributes)
                    .isEqualTo(CelReference.outcome(condition.program(), attributes));
        }
    }

    @Property(tries = 1500)
    void closuresAgreeWithCelOnRandomConditions(@ForAll long seed, @ForAll("caseLists") List<CaseAttributes> cases) {
        String expression = new RandomConditions(seed).bool(4);
        Compiled condition = compile(expression);
        for (CaseAttributes attributes : cases) {
            assertThat(CelReference.outcome(condition.closure(), attributes))
                    .as("%s on %s", expression, attributes)
                    .isEqualTo(CelReference.outcome(condition.program(), attributes));
        }
    }

    @Property(tries = 10)
    void theRandomConditionsReachEveryOutcome(@ForAll long seed) {
        // Guards the generator: if it stopped producing errors or both truth values the property above would prove less.
        List<CelReference.Outcome> outcomes = Stream.iterate(seed, s -> s + 1).limit(300)
                .map(s -> compile(new RandomConditions(s).bool(4)))
                .map(c -> CelReference.outcome(c.closure(), Cases.aCase().dpd(45).build()))
                .distinct().toList();
        assertThat(outcomes).containsExactlyInAnyOrder(CelReference.Outcome.values());
    }

    @Provide
    Arbitrary<List<CaseAttributes>> caseLists() {
        return cases().list().ofMinSize(1).ofMaxSize(12);
    }

    /** Realistic cases most of the time; now and then amounts and scores at the edges of their types. */
    @Provide
    Arbitrary<CaseAttributes> cases() {
        Arbitrary<CaseAttributes> realistic = RandomCases.attributes(0);
        Arbitrary<CaseAttributes> extreme = Arbitraries.longs().tuple3().flatMap(longs -> Arbitraries.of(
                        Double.NaN, -0.0, 0.0, 1e300, -1e300, Double.POSITIVE_INFINITY, 9.3e18, -9.3e18, 0.3)
                .flatMap(score -> realistic.map(a -> new CaseAttributes(longs.get1(), a.dpd(), a.bucket(), a.tier(), longs.get2(),
                        longs.get3(), a.products(), a.collateralTypes(), Long.MIN_VALUE, a.region(), a.age(), a.occupation(),
                        a.reachableContacts(), a.brokenPromises(), a.repaymentTrend(), a.repaymentVariationBp(), a.daysInStage(), score,
                        a.onActivePlan(), a.planDpd(), a.overdueBeyondPlan()))));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, realistic), net.jqwik.api.Tuple.of(1, extreme));
    }
}
