package dev.recoup.allocation.domain;

import java.util.Arrays;

/**
 * Amount-balanced "snake": cases by overdue amount, largest first, dealt over each eligibility
 * set's workers in snake order — 1, 2 … n, n … 2, 1, 1, 2 … — so every worker gets a similar mix
 * of large and small cases; a worker without room for the case is skipped in the same direction.
 */
public final class SnakeAllocator implements Allocator {

    @Override
    public int[] allocate(AllocationProblem p) {
        int[] workerOf = new int[p.cases()];
        Arrays.fill(workerOf, AllocationProblem.NONE);
        int[] count = p.roomCases.clone();
        long[] room = p.roomAmount.clone();
        int[] position = new int[p.sets.length];
        boolean[] backwards = new boolean[p.sets.length];
        for (int c : byAmountDescending(p)) {
            int[] eligible = p.eligible(c);
            int set = p.setOf[c];
            // Two passes of the snake visit every worker at least once.
            for (int step = 0; step < 2 * eligible.length; step++) {
                int w = eligible[position[set]];
                advance(position, backwards, set, eligible.length);
                if (count[w] > 0 && room[w] >= p.amount[c]) {
                    workerOf[c] = w;
                    count[w]--;
                    room[w] -= p.amount[c];
                    break;
                }
            }
        }
        return workerOf;
    }

    private static void advance(int[] position, boolean[] backwards, int set, int size) {
        if (!backwards[set]) {
            if (position[set] == size - 1) {
                backwards[set] = true;
            } else {
                position[set]++;
            }
        } else if (position[set] == 0) {
            backwards[set] = false;
        } else {
            position[set]--;
        }
    }

    /** Case indexes by amount, largest first; ties by index. */
    static int[] byAmountDescending(AllocationProblem p) {
        return Sorting.byAmountDescending(p.amount, java.util.stream.IntStream.range(0, p.cases()).toArray());
    }
}
