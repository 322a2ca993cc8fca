package dev.recoup.allocation.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The optimiser's view of a problem: cases that share eligible workers, segment and propensity
 * are interchangeable except for their amount, so they form a group; within a group the value of
 * case c with worker w is {@code amount[c] × rate[w]}. A group's cases are kept by amount,
 * largest first, and cut into bands of consecutive cases for the aggregated LP and flow.
 */
final class Groups {

    /** Cases (amount descending) that share workers and rates. */
    static final class Group {
        final int[] cases;
        final int[] workers;
        final double[] rate;

        Group(int[] cases, int[] workers, double[] rate) {
            this.cases = cases;
            this.workers = workers;
            this.rate = rate;
        }
    }

    /** Consecutive cases {@code group.cases[from, to)}: the unit of the aggregated LP and flow. */
    record Band(int group, int from, int to, long sum, long max) {

        int size() {
            return to - from;
        }

        double mean() {
            return (double) sum / size();
        }
    }

    final List<Group> groups;
    /** Case-worker pairs with a positive value: the size of the per-case problem. */
    final long edges;
    /** The group of each case, or −1 for a case nobody may take. */
    final int[] groupOf;

    private Groups(List<Group> groups, long edges, int[] groupOf) {
        this.groups = groups;
        this.edges = edges;
        this.groupOf = groupOf;
    }

    private record Key(int set, int segment, long propensityBits) {
    }

    static Groups of(AllocationProblem p) {
        Map<Key, Integer> index = new HashMap<>();
        List<int[]> members = new ArrayList<>();
        int[] sizes = new int[16];
        List<Key> keys = new ArrayList<>();
        for (int c = 0; c < p.cases(); c++) {
            if (p.eligible(c).length == 0 || p.propensity[c] <= 0 || p.amount[c] <= 0) {
                continue;
            }
            Key key = new Key(p.setOf[c], p.segmentOf[c], Double.doubleToLongBits(p.propensity[c]));
            int g = index.computeIfAbsent(key, k -> {
                keys.add(k);
                members.add(new int[8]);
                return keys.size() - 1;
            });
            if (g >= sizes.length) {
                sizes = Arrays.copyOf(sizes, sizes.length * 2);
            }
            int[] list = members.get(g);
            if (sizes[g] == list.length) {
                list = Arrays.copyOf(list, list.length * 2);
                members.set(g, list);
            }
            list[sizes[g]++] = c;
        }
        List<Group> groups = new ArrayList<>();
        int[] groupOf = new int[p.cases()];
        Arrays.fill(groupOf, -1);
        long edges = 0;
        for (int g = 0; g < keys.size(); g++) {
            Key key = keys.get(g);
            int[] eligible = p.sets[key.set()];
            double propensity = Double.longBitsToDouble(key.propensityBits());
            int[] workers = new int[eligible.length];
            double[] rate = new double[eligible.length];
            int size = 0;
            long smallest = Long.MAX_VALUE;
            for (int i = 0; i < sizes[g]; i++) {
                smallest = Math.min(smallest, p.amount[members.get(g)[i]]);
            }
            for (int w : eligible) {
                double r = propensity * p.lift[w][key.segment()];
                // A worker whose amount room is below every case of the group can take none of them.
                if (r > 0 && p.roomCases[w] > 0 && p.roomAmount[w] >= smallest) {
                    workers[size] = w;
                    rate[size++] = r;
                }
            }
            if (size == 0) {
                continue;
            }
            int[] cases = Sorting.byAmountDescending(p.amount, Arrays.copyOf(members.get(g), sizes[g]));
            for (int c : cases) {
                groupOf[c] = groups.size();
            }
            groups.add(new Group(cases, Arrays.copyOf(workers, size), Arrays.copyOf(rate, size)));
            edges += (long) cases.length * size;
        }
        return new Groups(groups, edges, groupOf);
    }

    /** Bands of at most {@code size} cases over the cases {@code include} admits, per group. */
    List<Band> bands(AllocationProblem p, int size, java.util.function.IntPredicate include) {
        List<Band> bands = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            int[] cases = groups.get(g).cases;
            int from = -1, taken = 0;
            long sum = 0, max = 0;
            for (int i = 0; i <= cases.length; i++) {
                boolean in = i < cases.length && include.test(cases[i]);
                // A band is a run of admitted cases; a case left out closes it (bands stay contiguous).
                if (from >= 0 && (!in || taken == size)) {
                    bands.add(new Band(g, from, i, sum, max));
                    from = -1;
                }
                if (in) {
                    if (from < 0) {
                        from = i;
                        taken = 0;
                        sum = 0;
                        max = p.amount[cases[i]];
                    }
                    taken++;
                    sum += p.amount[cases[i]];
                }
            }
        }
        return bands;
    }
}
