package dev.recoup.allocation.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OptimisedAllocatorTest {

    private static final OptimisedAllocator OPTIMISED = new OptimisedAllocator(OptimisedAllocator.Settings.defaults());

    @Property(tries = 300)
    void onATinyInstanceTheOptimisedAllocationIsTheBestThereIs(@ForAll("tinyProblems") AllocationProblem problem) {
        var result = OPTIMISED.solve(problem);

        double best = Instances.bruteForceOptimum(problem);
        assertThat(result.value()).isCloseTo(best, within(1e-6 * Math.max(1, best)));
        assertThat(problem.value(result.workerOf())).isCloseTo(result.value(), within(1e-6 * Math.max(1, best)));
        problem.requireFeasible(result.workerOf());
        // The bound is an upper bound: nothing beats it.
        assertThat(result.upperBound()).isGreaterThanOrEqualTo(best - 1e-6 * Math.max(1, best));
    }

    @Test
    void theOptimisedAllocationRecoversMoreThanSnakeAndRoundRobinAndComesWithinHalfAPercentOfTheLpBound() {
        for (long seed = 1; seed <= 3; seed++) {
            // 12,000 cases, 60 agents and 2 agencies with room for 70% of them; amounts bind as often as counts.
            AllocationProblem problem = Instances.realistic(12_000, 60, 2, 0.7, 1.0, seed);

            var optimised = OPTIMISED.solve(problem);
            double snake = problem.value(new SnakeAllocator().allocate(problem));
            double roundRobin = problem.value(new RoundRobinAllocator().allocate(problem));

            assertThat(optimised.value()).isGreaterThan(snake).isGreaterThan(roundRobin);
            assertThat(optimised.value()).isGreaterThanOrEqualTo(0.995 * optimised.upperBound());
        }
    }

    @Test
    void withBandsOfManyCasesTheAllocationStaysWithinHalfAPercentOfTheBound() {
        AllocationProblem problem = Instances.realistic(12_000, 60, 2, 0.7, 1.0, 1);
        // A small arc budget forces bands of several cases, as on a first day of 650k cases.
        var result = new OptimisedAllocator(new OptimisedAllocator.Settings(20_000, 0, 1, 60)).solve(problem);

        assertThat(result.stats().bandSize()).isGreaterThan(10);
        assertThat(result.value()).isGreaterThanOrEqualTo(0.995 * result.upperBound());
        problem.requireFeasible(result.workerOf());
    }

    @Test
    void onADayWithLittleRoomLeftTheOptimisedAllocationStillRecoversMostAndKeepsEveryCapacity() {
        // Day one fills the workers; by day two each has given back up to two slots and some amount.
        AllocationProblem first = Instances.realistic(12_000, 60, 2, 0.7, 1.0, 4);
        int[] held = OPTIMISED.solve(first).workerOf();
        AllocationProblem next = Instances.nextDay(first, held, 4);

        var optimised = OPTIMISED.solve(next);

        next.requireFeasible(optimised.workerOf());
        assertThat(optimised.value()).isPositive()
                .isGreaterThanOrEqualTo(next.value(new SnakeAllocator().allocate(next)))
                .isGreaterThanOrEqualTo(next.value(new RoundRobinAllocator().allocate(next)))
                .isLessThanOrEqualTo(optimised.upperBound());
    }

    @Property(tries = 100)
    void noMethodEverExceedsACapacityOrGivesACaseToSomeoneWhoMayNotTakeIt(@ForAll("tinyProblems") AllocationProblem problem) {
        for (Allocator allocator : List.of(new RoundRobinAllocator(), new SnakeAllocator(), OPTIMISED)) {
            problem.requireFeasible(allocator.allocate(problem));
        }
    }

    @Provide
    Arbitrary<AllocationProblem> tinyProblems() {
        Arbitrary<Integer> casesAndWorkers = Arbitraries.integers().between(1, 7);
        return casesAndWorkers.flatMap(cases -> Arbitraries.integers().between(1, 3).flatMap(workers -> Combinators.combine(
                Arbitraries.longs().between(1, 60).map(x -> x * 1_000).array(long[].class).ofSize(cases),
                Arbitraries.of(0.2, 0.35, 0.5).array(double[].class).ofSize(cases),
                Arbitraries.integers().between(0, (1 << workers) - 1).array(int[].class).ofSize(cases),
                Arbitraries.integers().between(0, 4).array(int[].class).ofSize(workers),
                Arbitraries.longs().between(0, 150).map(x -> x * 1_000).array(long[].class).ofSize(workers),
                Arbitraries.doubles().between(0.5, 1.5).array(double[].class).ofSize(workers)
        ).as((amounts, propensity, masks, roomCases, roomAmount, lifts) -> {
            int[][] eligible = new int[cases][];
            for (int c = 0; c < cases; c++) {
                int mask = masks[c];
                eligible[c] = java.util.stream.IntStream.range(0, workers).filter(w -> (mask & (1 << w)) != 0).toArray();
            }
            double[][] lift = new double[workers][1];
            for (int w = 0; w < workers; w++) {
                lift[w][0] = lifts[w];
            }
            return Instances.tiny(amounts, propensity, eligible, roomCases, roomAmount, lift);
        })));
    }
}
