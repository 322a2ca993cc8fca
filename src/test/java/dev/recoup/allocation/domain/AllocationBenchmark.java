package dev.recoup.allocation.domain;

import org.junit.jupiter.api.Test;

/**
 * A timing of the allocation methods, not a test: named so that {@code mvn verify} skips it, and it
 * asserts nothing about time. Run it with
 * <pre>./mvnw -B -q test -Dtest=AllocationBenchmark -Dbench.cases=100000 -Dbench.agents=300</pre>
 * It builds a synthetic day (see {@link Instances#realistic}: five queues, teams by queue, one agent
 * in ten new, field agents by province, three agencies, log-normal amounts, effectiveness lifts
 * 0.6–1.4; the workers can hold 70% of the cases and their amount capacity binds as much as their
 * case capacity) and prints, for each seed, the optimiser's time and phases and every method's
 * expected recovery beside the LP upper bound.
 */
class AllocationBenchmark {

    @Test
    void optimisedAllocationOfManyCasesToManyAgents() {
        int cases = Integer.getInteger("bench.cases", 100_000);
        int agents = Integer.getInteger("bench.agents", 300);
        int seeds = Integer.getInteger("bench.seeds", 3);
        OptimisedAllocator optimiser = new OptimisedAllocator(OptimisedAllocator.Settings.defaults());
        // One small solve first, so that loading the native library and JIT warm-up are not in the figures.
        optimiser.solve(Instances.realistic(5_000, 30, 2, 0.7, 1.0, 99));
        for (long seed = 1; seed <= seeds; seed++) {
            long t0 = System.nanoTime();
            AllocationProblem problem = Instances.realistic(cases, agents, 3, 0.7, 1.0, seed);
            double build = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            double roundRobin = problem.value(new RoundRobinAllocator().allocate(problem));
            double roundRobinSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            double snake = problem.value(new SnakeAllocator().allocate(problem));
            double snakeSeconds = (System.nanoTime() - t2) / 1e9;
            long t3 = System.nanoTime();
            var result = optimiser.solve(problem);
            double optimisedSeconds = (System.nanoTime() - t3) / 1e9;
            System.out.printf("%nseed %d: %,d cases, %,d workers, %,d case-worker pairs; problem built in %.2f s%n", seed, problem.cases(),
                    problem.workers(), problem.edges(), build);
            System.out.printf("  round-robin %,.0f yuan (%.2f%% of bound) in %.2f s%n", roundRobin / 100, 100 * roundRobin / result.upperBound(),
                    roundRobinSeconds);
            System.out.printf("  snake       %,.0f yuan (%.2f%% of bound) in %.2f s%n", snake / 100, 100 * snake / result.upperBound(), snakeSeconds);
            System.out.printf("  optimised   %,.0f yuan (%.3f%% of bound) in %.2f s%n", result.value() / 100, 100 * result.shareOfBound(),
                    optimisedSeconds);
            System.out.printf("  LP bound    %,.0f yuan%n  %s%n", result.upperBound() / 100, result.stats());
        }
    }
}
