package dev.recoup.strategy.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ArmAssignmentProperties {

    @Provide
    Arbitrary<List<Integer>> splits() {
        // Two to four arms with positive whole percentages adding up to 100.
        return Arbitraries.integers().between(2, 4).flatMap(arms -> Arbitraries.integers().between(1, 97).list().ofSize(arms - 1)
                .filter(cuts -> cuts.stream().distinct().count() == cuts.size())
                .map(cuts -> {
                    List<Integer> sorted = cuts.stream().sorted().toList();
                    List<Integer> out = new java.util.ArrayList<>();
                    int previous = 0;
                    for (int cut : sorted) {
                        out.add(cut - previous);
                        previous = cut;
                    }
                    out.add(100 - previous);
                    return out;
                }));
    }

    @Property(tries = 30)
    void theSplitFollowsThePercentagesOverManyCases(@ForAll("splits") List<Integer> percents, @ForAll long seed,
                                                     @ForAll @IntRange(min = 1, max = 1_000_000) int firstCaseId) {
        List<ArmAssignment.Arm> arms = new java.util.ArrayList<>();
        for (int i = 0; i < percents.size(); i++) {
            arms.add(new ArmAssignment.Arm("arm" + i, percents.get(i)));
        }
        ArmAssignment assignment = new ArmAssignment(seed, arms);
        int cases = 40_000;
        Map<String, Integer> counts = new HashMap<>();
        // Consecutive case ids, as the database hands them out.
        for (long id = firstCaseId; id < firstCaseId + cases; id++) {
            counts.merge(assignment.armOf(id), 1, Integer::sum);
        }
        for (ArmAssignment.Arm arm : arms) {
            double share = counts.getOrDefault(arm.code(), 0) / (double) cases;
            double expected = arm.percent() / 100.0;
            // Five binomial standard deviations: a correct split fails this about once in 3.5 million.
            double tolerance = 5 * Math.sqrt(expected * (1 - expected) / cases);
            assertThat(share).as("share of %s (%d%%)", arm.code(), arm.percent()).isCloseTo(expected, org.assertj.core.data.Offset.offset(tolerance));
        }
    }

    @Property(tries = 200)
    void aCaseGetsTheSameArmEveryTimeItIsAsked(@ForAll long seed, @ForAll long caseId) {
        ArmAssignment first = new ArmAssignment(seed, List.of(new ArmAssignment.Arm("A", 30), new ArmAssignment.Arm("B", 70)));
        ArmAssignment again = new ArmAssignment(seed, List.of(new ArmAssignment.Arm("A", 30), new ArmAssignment.Arm("B", 70)));
        assertThat(again.armOf(caseId)).isEqualTo(first.armOf(caseId));
    }

    @Test
    void theHashIsFixedArithmeticSoArmsAreTheSameInEveryRunAndProcess() {
        // Values computed once and written down: a change of the hash would move cases between arms.
        assertThat(List.of(ArmAssignment.hash(42, 1), ArmAssignment.hash(42, 2), ArmAssignment.hash(7, 1)))
                .containsExactly(GOLDEN_42_1, GOLDEN_42_2, GOLDEN_7_1);
        ArmAssignment fiftyFifty = new ArmAssignment(42, List.of(new ArmAssignment.Arm("A", 50), new ArmAssignment.Arm("B", 50)));
        assertThat(java.util.stream.LongStream.rangeClosed(1, 12).mapToObj(fiftyFifty::armOf).toList()).isEqualTo(GOLDEN_ARMS);
    }

    @Test
    void percentagesThatDoNotAddUpTo100AreRefused() {
        assertThatThrownBy(() -> new ArmAssignment(1, List.of(new ArmAssignment.Arm("A", 50), new ArmAssignment.Arm("B", 40))))
                .hasMessageContaining("add up to 90");
    }

    /** The same as Guava's {@code Hashing.murmur3_128(seed).hashLong(caseId).asLong()}: the hash is standard MurmurHash3. */
    static final long GOLDEN_42_1 = -3171019155122926524L, GOLDEN_42_2 = 7375948999905411168L, GOLDEN_7_1 = 6597732354349919717L;
    static final List<String> GOLDEN_ARMS = List.of("B", "A", "A", "A", "B", "A", "B", "A", "B", "A", "B", "A");
}
