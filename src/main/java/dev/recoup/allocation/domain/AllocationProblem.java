package dev.recoup.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's allocation as numbers: the cases waiting (amount, propensity, segment, which workers
 * may take each), the workers' room under both capacities, and each worker's lift per segment.
 * Assigning case c to worker w is worth {@code amount[c] × propensity[c] × lift[w][segment[c]]}
 * fen of expected recovery. An allocation is an array {@code workerOf[c]} (−1 = none).
 *
 * <p>Cases share few distinct eligibility sets (queue, T1 or not, region where it matters), so
 * the sets are interned: {@code sets[setOf[c]]} lists the workers case c may go to, ascending.
 */
public final class AllocationProblem {

    public static final int NONE = -1;

    final long[] amount;
    final double[] propensity;
    final int[] segmentOf;
    final int[] setOf;
    final int[][] sets;
    final int[] roomCases;
    final long[] roomAmount;
    final double[][] lift;

    public AllocationProblem(long[] amount, double[] propensity, int[] segmentOf, int[] setOf, int[][] sets, int[] roomCases,
                             long[] roomAmount, double[][] lift) {
        if (propensity.length != amount.length || segmentOf.length != amount.length || setOf.length != amount.length
                || roomAmount.length != roomCases.length || lift.length != roomCases.length) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        this.amount = amount;
        this.propensity = propensity;
        this.segmentOf = segmentOf;
        this.setOf = setOf;
        this.sets = sets;
        this.roomCases = roomCases;
        this.roomAmount = roomAmount;
        this.lift = lift;
    }

    /** The problem of a day: which of {@code workers} may take which of {@code cases}, and what each pairing is worth. */
    public static AllocationProblem of(List<PoolCase> cases, List<Worker> workers, EligibilityRules rules, LocalDate date,
                                       PropensityModel propensity, EffectivenessModel effectiveness) {
        int n = cases.size();
        long[] amount = new long[n];
        double[] probability = new double[n];
        int[] segmentOf = new int[n];
        int[] setOf = new int[n];
        Map<String, Integer> segments = new HashMap<>();
        List<String> segmentCodes = new ArrayList<>();
        Map<String, Integer> setIndex = new HashMap<>();
        List<int[]> sets = new ArrayList<>();
        Map<String, Boolean> queueNeedsRegion = new HashMap<>();
        for (Worker w : workers) {
            for (String q : w.queues()) {
                queueNeedsRegion.merge(q, w.regionMatching(), Boolean::logicalOr);
            }
        }
        for (int c = 0; c < n; c++) {
            PoolCase pc = cases.get(c);
            amount[c] = pc.overdue();
            probability[c] = propensity.probability(pc.bucket(), pc.tier());
            segmentOf[c] = segments.computeIfAbsent(pc.segment(), s -> {
                segmentCodes.add(s);
                return segmentCodes.size() - 1;
            });
            // Eligibility depends only on these three things, so one check per distinct combination.
            String key = pc.queue() + '|' + "T1".equals(pc.tier()) + '|'
                    + (queueNeedsRegion.getOrDefault(pc.queue(), false) ? pc.regionCode() : "");
            setOf[c] = setIndex.computeIfAbsent(key, k -> {
                int[] eligible = new int[workers.size()];
                int size = 0;
                for (int w = 0; w < workers.size(); w++) {
                    Worker worker = workers.get(w);
                    if (worker.roomCases() > 0 && worker.roomAmount() > 0 && rules.eligible(worker, pc, date)) {
                        eligible[size++] = w;
                    }
                }
                sets.add(Arrays.copyOf(eligible, size));
                return sets.size() - 1;
            });
        }
        int[] roomCases = new int[workers.size()];
        long[] roomAmount = new long[workers.size()];
        double[][] lift = new double[workers.size()][segmentCodes.size()];
        for (int w = 0; w < workers.size(); w++) {
            Worker worker = workers.get(w);
            roomCases[w] = worker.roomCases();
            roomAmount[w] = worker.roomAmount();
            for (int s = 0; s < segmentCodes.size(); s++) {
                lift[w][s] = effectiveness.lift(worker.kind(), worker.id(), worker.teamId(), segmentCodes.get(s));
            }
        }
        return new AllocationProblem(amount, probability, segmentOf, setOf, sets.toArray(int[][]::new), roomCases, roomAmount, lift);
    }

    public int cases() {
        return amount.length;
    }

    public int workers() {
        return roomCases.length;
    }

    public long amount(int c) {
        return amount[c];
    }

    public int[] eligible(int c) {
        return sets[setOf[c]];
    }

    /** Expected recovery (fen) of case c with worker w. */
    public double value(int c, int w) {
        return amount[c] * propensity[c] * lift[w][segmentOf[c]];
    }

    /** Expected recovery (fen) of an allocation. */
    public double value(int[] workerOf) {
        double total = 0;
        for (int c = 0; c < workerOf.length; c++) {
            if (workerOf[c] != NONE) {
                total += value(c, workerOf[c]);
            }
        }
        return total;
    }

    /** Case-case edges: how many (case, eligible worker) pairs there are. */
    public long edges() {
        long edges = 0;
        for (int c = 0; c < setOf.length; c++) {
            edges += sets[setOf[c]].length;
        }
        return edges;
    }

    /**
     * Throws if the allocation breaks a rule or a capacity: the last guard before anything is written,
     * so that a faulty method can never hand an agent more than it may hold.
     */
    public void requireFeasible(int[] workerOf) {
        int[] count = new int[workers()];
        long[] sum = new long[workers()];
        for (int c = 0; c < workerOf.length; c++) {
            int w = workerOf[c];
            if (w == NONE) {
                continue;
            }
            if (Arrays.binarySearch(eligible(c), w) < 0) {
                throw new IllegalStateException("case #" + c + " given to worker #" + w + " who may not take it");
            }
            count[w]++;
            sum[w] += amount[c];
        }
        for (int w = 0; w < workers(); w++) {
            if (count[w] > roomCases[w] || sum[w] > roomAmount[w]) {
                throw new IllegalStateException("worker #" + w + " given " + count[w] + " cases / " + sum[w] + " fen, room "
                        + roomCases[w] + " / " + roomAmount[w]);
            }
        }
    }
}
