package dev.recoup.allocation.domain;

import java.util.Arrays;

/**
 * The upper envelope of lines {@code y = slope·x + intercept} at fixed points x₀ … x_{n−1} (monotone),
 * with lines added one by one: a Li Chao segment tree. Insert and query are O(log n). Used where
 * the lines available change along the points (a worker can take a case only if it fits its room).
 */
final class LiChaoTree {

    private double[] x = new double[0];
    private int[] tree = new int[0];
    private double[] slope;
    private double[] intercept;
    private int n;

    /** Starts over with points {@code x[0, n)} and the lines' coefficients (indexed by line id). */
    void reset(double[] points, int n, double[] slope, double[] intercept) {
        this.x = points;
        this.n = n;
        this.slope = slope;
        this.intercept = intercept;
        if (tree.length < 4 * n) {
            tree = new int[4 * n];
        }
        Arrays.fill(tree, 0, 4 * n, -1);
    }

    void insert(int line) {
        int node = 1, lo = 0, hi = n - 1;
        while (true) {
            int current = tree[node];
            if (current < 0) {
                tree[node] = line;
                return;
            }
            int mid = (lo + hi) >>> 1;
            boolean betterAtLo = value(line, x[lo]) > value(current, x[lo]);
            boolean betterAtMid = value(line, x[mid]) > value(current, x[mid]);
            if (betterAtMid) {
                tree[node] = line;
                line = current;
            }
            if (lo == hi) {
                return;
            }
            // Two lines cross at most once: the one losing at mid can only win on one side of it.
            if (betterAtLo != betterAtMid) {
                node = 2 * node;
                hi = mid;
            } else {
                node = 2 * node + 1;
                lo = mid + 1;
            }
        }
    }

    /** The best line at point i, or −1 if none was inserted that covers it. */
    int best(int i) {
        int node = 1, lo = 0, hi = n - 1, best = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        while (true) {
            int line = tree[node];
            // Lines fill the tree from the root down: below an empty node there is nothing.
            if (line < 0) {
                return best;
            }
            double v = value(line, x[i]);
            if (v > bestValue) {
                bestValue = v;
                best = line;
            }
            if (lo == hi) {
                return best;
            }
            int mid = (lo + hi) >>> 1;
            if (i <= mid) {
                node = 2 * node;
                hi = mid;
            } else {
                node = 2 * node + 1;
                lo = mid + 1;
            }
        }
    }

    double value(int line, double at) {
        return slope[line] * at + intercept[line];
    }
}
