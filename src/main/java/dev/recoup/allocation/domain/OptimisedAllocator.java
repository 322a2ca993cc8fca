package dev.recoup.allocation.domain;

import com.google.ortools.Loader;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximises expected recovery — Σ amount × propensity × lift(worker, segment) over the cases
 * given — under both capacities of every worker and the eligibility rules, with OR-Tools:
 * <ol>
 *   <li><b>Groups and bands.</b> Cases sharing eligible workers, segment and propensity differ only
 *       by amount; each group's cases are sorted by amount and cut into bands of consecutive cases,
 *       so that the aggregated model has about {@code maxArcs} band–worker arcs (bands of one case —
 *       the exact per-case model — whenever the instance is that small).</li>
 *   <li><b>LP (GLOP)</b> over bands with both capacities: a fractional optimum, and duals that price a
 *       case slot and a fen of amount room of every worker.</li>
 *   <li><b>Min-cost flow</b> on the LP's support, each arc's capacity its LP share rounded up: an
 *       integral transportation solution as good as the LP's integral part, within every case room
 *       and over an amount room by at most the rounded-up parts; handed out within each band so each
 *       worker's amounts spread like the band's.</li>
 *   <li><b>Repair and fill.</b> A worker pushed over its amount room gives back its lowest-yield
 *       cases; spare room is filled by further flows over the cases left, each arc limited to what fits.</li>
 *   <li><b>Upper bound.</b> The Lagrangian dual evaluated per case (exact, not per band), from the
 *       LP's prices lowered by subgradient steps: no allocation can beat it; its minimum is the LP bound.</li>
 *   <li><b>Exact finish</b> for small instances: CP-SAT proves the optimum of the 0/1 program.</li>
 * </ol>
 * See docs/adr/0006-allocation-optimiser.md.
 */
public final class OptimisedAllocator implements Allocator {

    /**
     * @param maxArcs         target size of the banded model (band–worker arcs)
     * @param exactBelowEdges instances with at most this many case–worker pairs get the exact CP-SAT finish
     * @param exactSeconds    CP-SAT time limit
     * @param boundIterations subgradient steps on the bound
     */
    public record Settings(int maxArcs, int exactBelowEdges, double exactSeconds, int boundIterations) {

        public static Settings defaults() {
            return new Settings(50_000, 5_000, 1.0, 60);
        }
    }

    /** What the solve did, for the run record and the benchmark. */
    public record Stats(int groups, int bands, int bandSize, long edges, int flowArcs, String lpStatus, String flowStatus,
                        String exactStatus, int repairedCases, int filledCases, int exchangedCases, int boundIterations,
                        Map<String, Long> phaseMillis,
                        long millis) {
    }

    /** @param upperBound no allocation of this problem has a higher expected recovery */
    public record Result(int[] workerOf, double value, double upperBound, Stats stats) {

        public double shareOfBound() {
            return upperBound <= 0 ? 1 : value / upperBound;
        }
    }

    private final Settings settings;

    public OptimisedAllocator(Settings settings) {
        this.settings = settings;
        Loader.loadNativeLibraries();
    }

    @Override
    public int[] allocate(AllocationProblem problem) {
        return solve(problem).workerOf();
    }

    public Result solve(AllocationProblem p) {
        long started = System.nanoTime();
        Groups groups = Groups.of(p);
        if (groups.groups.isEmpty()) {
            int[] none = new int[p.cases()];
            Arrays.fill(none, AllocationProblem.NONE);
            return new Result(none, 0, 0, new Stats(0, 0, 0, 0, 0, "EMPTY", "EMPTY", "SKIPPED", 0, 0, 0, 0, Map.of(), millis(started)));
        }
        Map<String, Long> phases = new LinkedHashMap<>();
        long t = System.nanoTime();
        int bandSize = (int) Math.max(1, (groups.edges + settings.maxArcs() - 1) / settings.maxArcs());
        List<Groups.Band> bands = groups.bands(p, bandSize, c -> true);
        t = phase(phases, "group", t);
        BandedLp.Prices lp = BandedLp.solve(p, groups, bands);
        t = phase(phases, "lp", t);
        Attempt best = round(p, groups, bands, lp, bandSize, phases);
        String model = "bands of " + bandSize + ": " + lp.status();
        BandedLp.Prices prices = lp;

        // Little room for many cases (a normal day): rounding bands loses the few cases that matter, so
        // the LP is also solved per case over the cases that can matter, found by column generation.
        boolean[] candidate = initialCandidates(p, groups, 2L * settings.maxArcs());
        if (candidate != null && bandSize > 1) {
            t = System.nanoTime();
            List<Groups.Band> singles;
            BandedLp.Prices perCase;
            int rounds = 0;
            do {
                singles = groups.bands(p, 1, c -> candidate[c]);
                perCase = BandedLp.solve(p, groups, singles);
                rounds++;
            } while ("OPTIMAL".equals(perCase.status()) && rounds < MAX_COLUMN_ROUNDS
                    && addPricedCases(p, groups, perCase, candidate, 2L * settings.maxArcs()) > 0);
            phase(phases, "lp-per-case", t);
            if ("OPTIMAL".equals(perCase.status())) {
                Attempt second = round(p, groups, singles, perCase, bandSize, phases);
                if (second.value() > best.value()) {
                    best = second;
                    model = "per case, " + singles.size() + " cases after " + rounds + " column rounds";
                }
                // The bound starts from whichever prices give the lower one.
                int[] count = new int[p.workers()];
                long[] amount = new long[p.workers()];
                if (LagrangianBound.evaluate(p, groups, perCase.countPrice(), perCase.amountPrice(), count, amount)
                        < LagrangianBound.evaluate(p, groups, lp.countPrice(), lp.amountPrice(), count, amount)) {
                    prices = perCase;
                }
            }
        }
        int[] workerOf = best.workerOf();
        double value = best.value();
        t = System.nanoTime();
        LagrangianBound.Bound bound = LagrangianBound.minimise(p, groups, prices.countPrice(), prices.amountPrice(), value,
                settings.boundIterations());
        t = phase(phases, "bound", t);
        String exact = "SKIPPED";
        if (groups.edges <= settings.exactBelowEdges() && bound.value() - value > 1e-9 * bound.value()) {
            ExactSolve.Outcome outcome = ExactSolve.solve(p, groups, workerOf, settings.exactSeconds());
            exact = outcome.status();
            double exactValue = p.value(outcome.workerOf());
            if (exactValue > value) {
                workerOf = outcome.workerOf();
                value = exactValue;
            }
            phase(phases, "exact", t);
        }
        p.requireFeasible(workerOf);
        return new Result(workerOf, value, Math.max(bound.value(), value), new Stats(groups.groups.size(), bands.size(), bandSize,
                groups.edges, best.flowArcs(), model, best.flowStatus(), exact, best.repaired(), best.filled(), best.exchanged(),
                bound.iterations(), phases, millis(started)));
    }

    /** One integral allocation made from an LP solution, and what it took. */
    private record Attempt(int[] workerOf, double value, int repaired, int filled, int exchanged, int flowArcs, String flowStatus) {
    }

    /**
     * From an LP solution to an allocation: a min-cost flow on the LP's support, each arc at most the
     * LP's share rounded up (Shmoys–Tardos style: integral, within every case room, over an amount room
     * by parts of cases at most), then repair, fill and exchange.
     */
    private static Attempt round(AllocationProblem p, Groups groups, List<Groups.Band> bands, BandedLp.Prices lp, int fillBandSize,
                                 Map<String, Long> phases) {
        long t = System.nanoTime();
        int[] workerOf = new int[p.cases()];
        Arrays.fill(workerOf, AllocationProblem.NONE);
        BandedFlow.Solution flow = BandedFlow.solve(p, groups, bands, p.roomCases, (i, k, w) -> (int) Math.ceil(lp.share()[i][k] - 1e-7));
        handOut(p, groups, bands, flow.flow(), workerOf);
        t = phase(phases, "flow", t);
        int repaired = repairAmounts(p, workerOf);
        int filled = 0;
        for (int round = 0; round < 4; round++) {
            int added = fill(p, groups, fillBandSize, workerOf);
            repaired += repairAmounts(p, workerOf);
            filled += added;
            if (added == 0) {
                break;
            }
        }
        t = phase(phases, "repair-fill", t);
        int exchanged = exchange(p, groups, workerOf);
        phase(phases, "exchange", t);
        return new Attempt(workerOf, p.value(workerOf), repaired, filled, exchanged, flow.arcs(), flow.status());
    }

    private static final int MAX_COLUMN_ROUNDS = 8;

    /**
     * The cases an LP per case starts from when room is scarce: in each group, the largest cases,
     * twice as many as the group's workers could take (free slots, or as many of the group's mean
     * case as their amount room holds, whichever is fewer) plus 20. Null when those would make more
     * than {@code maxArcs} case–worker arcs: then there is room for so many cases that bands do better.
     */
    private static boolean[] initialCandidates(AllocationProblem p, Groups groups, long maxArcs) {
        boolean[] candidate = new boolean[p.cases()];
        long arcs = 0;
        for (Groups.Group g : groups.groups) {
            double mean = 0;
            for (int c : g.cases) {
                mean += (double) p.amount[c] / g.cases.length;
            }
            long slots = 0;
            for (int w : g.workers) {
                slots += Math.min(p.roomCases[w], 1 + (long) (p.roomAmount[w] / Math.max(1, mean)));
            }
            int take = (int) Math.min(g.cases.length, 2 * slots + 20);
            arcs += (long) take * g.workers.length;
            if (arcs > maxArcs) {
                return null;
            }
            for (int i = 0; i < take; i++) {
                candidate[g.cases[i]] = true;
            }
        }
        return candidate;
    }

    /**
     * Column generation: adds the cases left out whose best worker, at the LP's prices, would earn
     * more than the worker's slot and room cost (a positive reduced profit) — the most profitable
     * first, within the arc budget. Returns how many; none means the LP over the candidates is the LP
     * over all cases.
     */
    private static int addPricedCases(AllocationProblem p, Groups groups, BandedLp.Prices lp, boolean[] candidate, long maxArcs) {
        long arcs = 0;
        List<double[]> priced = new ArrayList<>();
        double scale = 0;
        for (int gi = 0; gi < groups.groups.size(); gi++) {
            Groups.Group g = groups.groups.get(gi);
            for (int c : g.cases) {
                scale = Math.max(scale, p.amount[c] * g.rate[0]);
                if (candidate[c]) {
                    arcs += g.workers.length;
                    continue;
                }
                double best = 0;
                for (int k = 0; k < g.workers.length; k++) {
                    int w = g.workers[k];
                    if (p.amount[c] <= p.roomAmount[w]) {
                        best = Math.max(best, p.amount[c] * (g.rate[k] - lp.amountPrice()[w]) - lp.countPrice()[w]);
                    }
                }
                if (best > 0) {
                    priced.add(new double[]{best, c, g.workers.length});
                }
            }
        }
        priced.sort((a, b) -> Double.compare(b[0], a[0]));
        int added = 0;
        for (double[] x : priced) {
            if (x[0] <= 1e-9 * scale || arcs + (long) x[2] > maxArcs) {
                break;
            }
            candidate[(int) x[1]] = true;
            arcs += (long) x[2];
            added++;
        }
        return added;
    }

    private static long phase(Map<String, Long> phases, String name, long since) {
        long now = System.nanoTime();
        phases.merge(name, (now - since) / 1_000_000, Long::sum);
        return now;
    }

    /**
     * Turns band flows into cases. The flow counted a band's cases at their mean amount, so each
     * worker gets a spread of the band's amounts (dealt in proportion to its share, largest first)
     * and a band only partly taken gives up cases evenly across its range: what each worker holds
     * then sums to about its share × the mean, as the model assumed.
     */
    private static int handOut(AllocationProblem p, Groups groups, List<Groups.Band> bands, int[][] flow, int[] workerOf) {
        int assigned = 0;
        for (int i = 0; i < bands.size(); i++) {
            Groups.Band band = bands.get(i);
            Groups.Group g = groups.groups.get(band.group());
            int[] f = flow[i];
            int total = 0;
            for (int x : f) {
                total += x;
            }
            if (total == 0) {
                continue;
            }
            int[] given = new int[f.length];
            int n = band.size();
            for (int j = 0; j < total; j++) {
                // The j-th of `total` cases spread evenly over the band's n (all of them when total = n).
                int at = band.from() + (int) ((long) j * n / total);
                int best = -1;
                double bestGap = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < f.length; k++) {
                    if (given[k] < f[k]) {
                        double gap = (double) (f[k] - given[k]) / f[k];
                        if (gap > bestGap) {
                            bestGap = gap;
                            best = k;
                        }
                    }
                }
                given[best]++;
                workerOf[g.cases[at]] = g.workers[best];
                assigned++;
            }
        }
        return assigned;
    }

    /**
     * A worker over its amount room gives cases back, lowest yield per fen first; within the lowest
     * yield, the smallest case that covers the excess, else the largest, until it fits.
     */
    private static int repairAmounts(AllocationProblem p, int[] workerOf) {
        long[] amount = new long[p.workers()];
        for (int c = 0; c < workerOf.length; c++) {
            if (workerOf[c] != AllocationProblem.NONE) {
                amount[workerOf[c]] += p.amount[c];
            }
        }
        List<List<Integer>> over = new ArrayList<>();
        boolean any = false;
        for (int w = 0; w < p.workers(); w++) {
            boolean isOver = amount[w] > p.roomAmount[w];
            over.add(isOver ? new ArrayList<>() : null);
            any |= isOver;
        }
        if (!any) {
            return 0;
        }
        for (int c = 0; c < workerOf.length; c++) {
            if (workerOf[c] != AllocationProblem.NONE && over.get(workerOf[c]) != null) {
                over.get(workerOf[c]).add(c);
            }
        }
        int removed = 0;
        for (int w = 0; w < p.workers(); w++) {
            List<Integer> cases = over.get(w);
            if (cases == null) {
                continue;
            }
            int worker = w;
            cases.sort((a, b) -> {
                int byYield = Double.compare(p.value(a, worker) / p.amount[a], p.value(b, worker) / p.amount[b]);
                return byYield != 0 ? byYield : Long.compare(p.amount[a], p.amount[b]);
            });
            long excess = amount[w] - p.roomAmount[w];
            while (excess > 0) {
                // The lowest-yield class: cases[0 .. end).
                double yield = p.value(cases.get(0), w) / p.amount[cases.get(0)];
                int end = 1;
                while (end < cases.size() && p.value(cases.get(end), w) / p.amount[cases.get(end)] == yield) {
                    end++;
                }
                int pick = end - 1;
                for (int i = 0; i < end; i++) {
                    if (p.amount[cases.get(i)] >= excess) {
                        pick = i;
                        break;
                    }
                }
                int c = cases.remove(pick);
                workerOf[c] = AllocationProblem.NONE;
                excess -= p.amount[c];
                removed++;
            }
        }
        return removed;
    }

    /**
     * Fills spare room with the cases left over: a flow over them, each arc limited to as many of the
     * band's cases as surely fit the worker's amount room.
     */
    private static int fill(AllocationProblem p, Groups groups, int bandSize, int[] workerOf) {
        int[] roomCases = p.roomCases.clone();
        long[] roomAmount = p.roomAmount.clone();
        for (int c = 0; c < workerOf.length; c++) {
            if (workerOf[c] != AllocationProblem.NONE) {
                roomCases[workerOf[c]]--;
                roomAmount[workerOf[c]] -= p.amount[c];
            }
        }
        boolean[] groupHasRoom = new boolean[groups.groups.size()];
        boolean any = false;
        for (int g = 0; g < groups.groups.size(); g++) {
            for (int w : groups.groups.get(g).workers) {
                if (roomCases[w] > 0 && roomAmount[w] > 0) {
                    groupHasRoom[g] = true;
                    any = true;
                    break;
                }
            }
        }
        if (!any) {
            return 0;
        }
        List<Groups.Band> bands = groups.bands(p, bandSize,
                c -> workerOf[c] == AllocationProblem.NONE && groups.groupOf[c] >= 0 && groupHasRoom[groups.groupOf[c]]);
        if (bands.isEmpty()) {
            return 0;
        }
        BandedFlow.Solution flow = BandedFlow.solve(p, groups, bands, roomCases,
                (i, k, w) -> bands.get(i).max() > roomAmount[w] ? 0 : (int) Math.min(Integer.MAX_VALUE, roomAmount[w] / bands.get(i).max()));
        return handOut(p, groups, bands, flow.flow(), workerOf);
    }

    /**
     * Uses what rounding left of each worker's room: a worker takes the most valuable case left over
     * that fits its spare room, or trades one of its cases for a more valuable one left over that fits
     * the room the trade frees. Within a group value grows with the amount, so the best candidate of
     * a group is its largest case left over that fits. Passes over all workers until nothing improves.
     */
    private static int exchange(AllocationProblem p, Groups groups, int[] workerOf) {
        int[] roomCases = p.roomCases.clone();
        long[] roomAmount = p.roomAmount.clone();
        List<List<Integer>> held = new ArrayList<>();
        for (int w = 0; w < p.workers(); w++) {
            held.add(new ArrayList<>());
        }
        for (int c = 0; c < workerOf.length; c++) {
            if (workerOf[c] != AllocationProblem.NONE) {
                roomCases[workerOf[c]]--;
                roomAmount[workerOf[c]] -= p.amount[c];
                held.get(workerOf[c]).add(c);
            }
        }
        List<java.util.TreeSet<Long>> left = new ArrayList<>();
        List<List<Integer>> groupsOf = new ArrayList<>();
        for (int w = 0; w < p.workers(); w++) {
            groupsOf.add(new ArrayList<>());
        }
        for (int g = 0; g < groups.groups.size(); g++) {
            java.util.TreeSet<Long> free = new java.util.TreeSet<>();
            for (int c : groups.groups.get(g).cases) {
                if (workerOf[c] == AllocationProblem.NONE) {
                    free.add(key(p, c));
                }
            }
            left.add(free);
            int[] workers = groups.groups.get(g).workers;
            for (int k = 0; k < workers.length; k++) {
                groupsOf.get(workers[k]).add(g);
            }
        }
        int moves = 0;
        for (int pass = 0; pass < 3; pass++) {
            int before = moves;
            for (int w = 0; w < p.workers(); w++) {
                // Take: the most valuable fitting case left over, while there is a free slot.
                while (roomCases[w] > 0 && roomAmount[w] > 0) {
                    int best = bestFitting(p, groups, left, groupsOf.get(w), w, roomAmount[w], 0);
                    if (best < 0) {
                        break;
                    }
                    left.get(groups.groupOf[best]).remove(key(p, best));
                    workerOf[best] = w;
                    held.get(w).add(best);
                    roomCases[w]--;
                    roomAmount[w] -= p.amount[best];
                    moves++;
                }
                // Trade: one held case for a more valuable fitting one.
                List<Integer> mine = held.get(w);
                for (int i = 0; i < mine.size() && roomAmount[w] > 0; i++) {
                    int c = mine.get(i);
                    int better = bestFitting(p, groups, left, groupsOf.get(w), w, roomAmount[w] + p.amount[c], p.value(c, w));
                    if (better < 0) {
                        continue;
                    }
                    left.get(groups.groupOf[better]).remove(key(p, better));
                    left.get(groups.groupOf[c]).add(key(p, c));
                    workerOf[c] = AllocationProblem.NONE;
                    workerOf[better] = w;
                    mine.set(i, better);
                    roomAmount[w] += p.amount[c] - p.amount[better];
                    moves++;
                }
            }
            if (moves == before) {
                break;
            }
        }
        return moves;
    }

    /** The most valuable case left over, of the worker's groups, of at most {@code room} fen, worth more than {@code floor}; −1 if none. */
    private static int bestFitting(AllocationProblem p, Groups groups, List<java.util.TreeSet<Long>> left, List<Integer> groupIds,
                                   int w, long room, double floor) {
        int best = -1;
        double bestValue = floor;
        for (int g : groupIds) {
            Long fit = left.get(g).floor((Math.min(room, MAX_AMOUNT) << INDEX_BITS) | ((1L << INDEX_BITS) - 1));
            if (fit != null) {
                int c = (int) (fit & ((1L << INDEX_BITS) - 1));
                double value = p.value(c, w);
                if (value > bestValue) {
                    bestValue = value;
                    best = c;
                }
            }
        }
        return best;
    }

    private static final int INDEX_BITS = 22;
    private static final long MAX_AMOUNT = (1L << (63 - INDEX_BITS)) - 1;

    /** A case as (amount, index) in one ascending long; amounts above 2^41 fen (22 billion yuan) are not expected. */
    private static long key(AllocationProblem p, int c) {
        return (Math.min(p.amount[c], MAX_AMOUNT) << INDEX_BITS) | c;
    }

    private static long millis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
