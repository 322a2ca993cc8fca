package dev.recoup.allocation.domain;

import java.util.Arrays;

/**
 * Round-robin: cases in their given order (case id), each to the next worker in turn among those
 * who may take it and have room for it; each eligibility set keeps its own turn.
 */
public final class RoundRobinAllocator implements Allocator {

    @Override
    public int[] allocate(AllocationProblem p) {
        int[] workerOf = new int[p.cases()];
        Arrays.fill(workerOf, AllocationProblem.NONE);
        int[] count = p.roomCases.clone();
        long[] room = p.roomAmount.clone();
        int[] turn = new int[p.sets.length];
        for (int c = 0; c < p.cases(); c++) {
            int[] eligible = p.eligible(c);
            int set = p.setOf[c];
            for (int k = 0; k < eligible.length; k++) {
                int i = (turn[set] + k) % eligible.length;
                int w = eligible[i];
                if (count[w] > 0 && room[w] >= p.amount[c]) {
                    workerOf[c] = w;
                    count[w]--;
                    room[w] -= p.amount[c];
                    turn[set] = i + 1;
                    break;
                }
            }
        }
        return workerOf;
    }
}
