package dev.recoup.allocation.domain;

/** Deals a problem's cases to its workers under the rules and capacities; returns {@code workerOf[c]} (−1 = none). */
public interface Allocator {

    int[] allocate(AllocationProblem problem);
}
