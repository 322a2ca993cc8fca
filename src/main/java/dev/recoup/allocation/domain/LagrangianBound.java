package dev.recoup.allocation.domain;

/**
 * An upper bound on the expected recovery of any allocation, by Lagrangian duality: with a price
 * {@code α[w]} on each worker's case room and {@code λ[w]} on its amount room, every case may take
 * its best priced worker or none independently, and
 * <pre>L(α, λ) = Σ_w (α_w·K_w + λ_w·A_w) + Σ_c max(0, max_{w eligible} amount_c·(rate_cw − λ_w) − α_w)</pre>
 * is at least the value of every feasible allocation, whatever the prices (each feasible allocation
 * pays at most its capacities' worth of prices back). Its minimum over the prices equals the LP
 * relaxation's optimum, the "LP bound". The prices start from the banded LP's duals and are
 * lowered by projected subgradient steps (Polyak step sizes toward the best allocation found).
 *
 * <p>Evaluating L is exact and per case, not per band: within a group the best worker as a function
 * of the amount is the upper envelope of lines {@code amount·(rate − λ) − α}, built once per group
 * and walked along the group's cases in amount order.
 */
final class LagrangianBound {

    record Bound(double value, int iterations) {
    }

    private LagrangianBound() {
    }

    static Bound minimise(AllocationProblem p, Groups groups, double[] countPrice, double[] amountPrice, double bestAllocation,
                          int iterations) {
        int workers = p.workers();
        double[] alpha = countPrice.clone(), lambda = amountPrice.clone();
        boolean[] countBinds = new boolean[workers], amountBinds = new boolean[workers];
        double meanAmount = capacitiesThatCanBind(p, groups, countBinds, amountBinds);
        for (int w = 0; w < workers; w++) {
            alpha[w] = countBinds[w] ? alpha[w] : 0;
            lambda[w] = amountBinds[w] ? lambda[w] : 0;
        }
        int[] count = new int[workers];
        long[] amount = new long[workers];
        double best = Double.POSITIVE_INFINITY, step = 1.0;
        int sinceImproved = 0, done = 0;
        for (int it = 0; it <= iterations; it++, done = it) {
            double value = evaluate(p, groups, alpha, lambda, count, amount);
            if (value < best - 1e-9 * Math.abs(value)) {
                best = value;
                sinceImproved = 0;
            } else if (++sinceImproved >= 4) {
                step /= 2;
                sinceImproved = 0;
            }
            double gap = value - bestAllocation;
            if (it == iterations || gap <= 1e-9 * Math.max(1, Math.abs(value))) {
                break;
            }
            double norm = 0;
            double[] gAlpha = new double[workers], gMu = new double[workers];
            for (int w = 0; w < workers; w++) {
                gAlpha[w] = countBinds[w] ? p.roomCases[w] - count[w] : 0;
                gMu[w] = amountBinds[w] ? (p.roomAmount[w] - amount[w]) / meanAmount : 0;
                // Projection: a price at zero with room to spare stays at zero.
                if (alpha[w] <= 0 && gAlpha[w] > 0) {
                    gAlpha[w] = 0;
                }
                if (lambda[w] <= 0 && gMu[w] > 0) {
                    gMu[w] = 0;
                }
                norm += gAlpha[w] * gAlpha[w] + gMu[w] * gMu[w];
            }
            if (norm == 0) {
                break;
            }
            double t = step * gap / norm;
            for (int w = 0; w < workers; w++) {
                alpha[w] = Math.max(0, alpha[w] - t * gAlpha[w]);
                // λ is per fen; its step is taken in units of the mean amount (μ = λ·mean), like α's.
                lambda[w] = Math.max(0, lambda[w] - t * gMu[w] / meanAmount);
            }
        }
        return new Bound(best, done);
    }

    /** L(α, λ); fills each worker's cases and amount under its cases' best choices (the subgradient). */
    static double evaluate(AllocationProblem p, Groups groups, double[] alpha, double[] lambda, int[] count, long[] amount) {
        java.util.Arrays.fill(count, 0);
        java.util.Arrays.fill(amount, 0);
        double total = 0;
        for (int w = 0; w < p.workers(); w++) {
            total += alpha[w] * p.roomCases[w] + lambda[w] * p.roomAmount[w];
        }
        double[] slope = new double[0], intercept = new double[0];
        int[] id = new int[0];
        LiChaoTree tree = new LiChaoTree();
        for (Groups.Group g : groups.groups) {
            int lines = g.workers.length + 1;
            if (slope.length < lines) {
                slope = new double[lines];
                intercept = new double[lines];
                id = new int[lines];
            }
            if (someWorkerCannotHoldTheLargest(p, g)) {
                total += evaluateWithRoom(p, g, alpha, lambda, tree, count, amount);
                continue;
            }
            int hull = envelope(g, alpha, lambda, slope, intercept, id);
            int at = 0;
            // Cases are stored largest first; the envelope is walked with growing amounts.
            for (int i = g.cases.length - 1; i >= 0; i--) {
                int c = g.cases[i];
                double x = p.amount[c];
                while (at + 1 < hull && slope[at + 1] * x + intercept[at + 1] >= slope[at] * x + intercept[at]) {
                    at++;
                }
                double best = slope[at] * x + intercept[at];
                if (id[at] >= 0 && best > 0) {
                    total += best;
                    count[id[at]]++;
                    amount[id[at]] += p.amount[c];
                }
            }
        }
        return total;
    }

    private static boolean someWorkerCannotHoldTheLargest(AllocationProblem p, Groups.Group g) {
        long largest = p.amount[g.cases[0]];
        for (int w : g.workers) {
            if (p.roomAmount[w] < largest) {
                return true;
            }
        }
        return false;
    }

    /**
     * A group where some workers' amount room is smaller than some cases: a case can only go to a
     * worker it fits (no allocation puts it anywhere else, so leaving those pairs out keeps the bound
     * valid and makes it tighter). Walking the cases from the largest down, each worker's line joins
     * a Li Chao tree once the cases fit its room.
     */
    private static double evaluateWithRoom(AllocationProblem p, Groups.Group g, double[] alpha, double[] lambda, LiChaoTree tree,
                                           int[] count, long[] amount) {
        int n = g.cases.length, k = g.workers.length;
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = p.amount[g.cases[i]];
        }
        double[] slope = new double[k], intercept = new double[k];
        Integer[] byRoom = new Integer[k];
        for (int j = 0; j < k; j++) {
            int w = g.workers[j];
            slope[j] = g.rate[j] - lambda[w];
            intercept[j] = -alpha[w];
            byRoom[j] = j;
        }
        java.util.Arrays.sort(byRoom, (a, b) -> Long.compare(p.roomAmount[g.workers[b]], p.roomAmount[g.workers[a]]));
        tree.reset(x, n, slope, intercept);
        double total = 0;
        int added = 0;
        for (int i = 0; i < n; i++) {
            long a = p.amount[g.cases[i]];
            while (added < k && p.roomAmount[g.workers[byRoom[added]]] >= a) {
                tree.insert(byRoom[added++]);
            }
            int line = tree.best(i);
            if (line >= 0) {
                double value = tree.value(line, x[i]);
                if (value > 0) {
                    int w = g.workers[line];
                    total += value;
                    count[w]++;
                    amount[w] += a;
                }
            }
        }
        return total;
    }

    /**
     * The upper envelope, for amounts ≥ 0, of the lines {@code x·(rate_k − λ_w) − α_w} and of the line 0
     * (leave the case unassigned), by ascending slope. Returns how many lines it keeps.
     */
    private static int envelope(Groups.Group g, double[] alpha, double[] lambda, double[] slope, double[] intercept, int[] id) {
        int n = g.workers.length + 1;
        double[] m = new double[n], b = new double[n];
        Integer[] order = new Integer[n];
        for (int k = 0; k < g.workers.length; k++) {
            int w = g.workers[k];
            m[k] = g.rate[k] - lambda[w];
            b[k] = -alpha[w];
            order[k] = k;
        }
        m[n - 1] = 0;
        b[n - 1] = 0;
        order[n - 1] = n - 1;
        java.util.Arrays.sort(order, (i, j) -> m[i] != m[j] ? Double.compare(m[i], m[j]) : Double.compare(b[j], b[i]));
        int size = 0;
        for (int o = 0; o < n; o++) {
            int k = order[o];
            if (size > 0 && slope[size - 1] == m[k]) {
                continue; // same slope, lower intercept: never above the one kept
            }
            // The line before the last is useless once the new line overtakes it no later than the last does.
            while (size >= 2 && (intercept[size - 2] - b[k]) * (slope[size - 1] - slope[size - 2])
                    <= (intercept[size - 2] - intercept[size - 1]) * (m[k] - slope[size - 2])) {
                size--;
            }
            slope[size] = m[k];
            intercept[size] = b[k];
            id[size] = k == n - 1 ? -1 : g.workers[k];
            size++;
        }
        // Lines that only win at negative amounts are dropped from the front.
        int first = 0;
        while (first + 1 < size && slope[first + 1] * 0 + intercept[first + 1] >= intercept[first]) {
            first++;
        }
        if (first > 0) {
            System.arraycopy(slope, first, slope, 0, size - first);
            System.arraycopy(intercept, first, intercept, 0, size - first);
            System.arraycopy(id, first, id, 0, size - first);
        }
        return size - first;
    }

    /** Marks capacities that can bind at all (others keep a zero price); returns the mean case amount. */
    private static double capacitiesThatCanBind(AllocationProblem p, Groups groups, boolean[] countBinds, boolean[] amountBinds) {
        long[] eligibleCases = new long[p.workers()];
        long[] largest = new long[p.workers()];
        double[] eligibleAmount = new double[p.workers()];
        double sum = 0;
        long n = 0;
        for (Groups.Group g : groups.groups) {
            double groupAmount = 0;
            for (int c : g.cases) {
                groupAmount += p.amount[c];
            }
            sum += groupAmount;
            n += g.cases.length;
            for (int w : g.workers) {
                eligibleCases[w] += g.cases.length;
                eligibleAmount[w] += groupAmount;
                largest[w] = Math.max(largest[w], p.amount[g.cases[0]]);
            }
        }
        for (int w = 0; w < p.workers(); w++) {
            countBinds[w] = p.roomCases[w] < eligibleCases[w];
            amountBinds[w] = p.roomAmount[w] < Math.min(eligibleAmount[w], (double) p.roomCases[w] * largest[w]);
        }
        return n == 0 ? 1 : Math.max(1, sum / n);
    }
}
