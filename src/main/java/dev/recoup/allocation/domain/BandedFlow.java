package dev.recoup.allocation.domain;

import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;

import java.util.List;

/**
 * The assignment as a transportation problem solved exactly by OR-Tools' min-cost flow:
 * source → band (its cases) → worker (eligible, positive profit) → sink (the worker's case room),
 * plus a source → sink arc for cases left unassigned. The profit of a case of band b with worker w
 * is {@code mean(b) × rate[w]}; the case capacity holds exactly, the amount capacity through the arc
 * limits the caller sets. Costs are integers, scaled so the largest is 10^9 (relative precision 10^-9).
 */
final class BandedFlow {

    /** {@code flow[i][k]}: cases of band i to the band's group's k-th worker. */
    record Solution(int[][] flow, String status, int arcs) {
    }

    private BandedFlow() {
    }

    /**
     * @param roomCases case room per worker
     * @param arcLimit  at most how many of a band's cases each of its workers may take
     */
    static Solution solve(AllocationProblem p, Groups groups, List<Groups.Band> bands, int[] roomCases, ArcLimit arcLimit) {
        int workers = p.workers();
        int source = 0, sink = 1, firstBand = 2, firstWorker = 2 + bands.size();
        double maxProfit = 0;
        for (Groups.Band band : bands) {
            Groups.Group g = groups.groups.get(band.group());
            for (int k = 0; k < g.workers.length; k++) {
                maxProfit = Math.max(maxProfit, band.mean() * g.rate[k]);
            }
        }
        int[][] flow = new int[bands.size()][];
        if (maxProfit <= 0) {
            for (int i = 0; i < bands.size(); i++) {
                flow[i] = new int[groups.groups.get(bands.get(i).group()).workers.length];
            }
            return new Solution(flow, "NOTHING_TO_GAIN", 0);
        }
        double scale = 1e9 / maxProfit;
        MinCostFlow mcf = new MinCostFlow();
        try {
            long supply = 0;
            int[][] arc = new int[bands.size()][];
            for (int i = 0; i < bands.size(); i++) {
                Groups.Band band = bands.get(i);
                Groups.Group g = groups.groups.get(band.group());
                supply += band.size();
                mcf.addArcWithCapacityAndUnitCost(source, firstBand + i, band.size(), 0);
                arc[i] = new int[g.workers.length];
                for (int k = 0; k < g.workers.length; k++) {
                    int w = g.workers[k];
                    double profit = band.mean() * g.rate[k];
                    int limit = Math.min(band.size(), arcLimit.limit(i, k, w));
                    long cost = Math.round(profit * scale);
                    arc[i][k] = cost > 0 && limit > 0 && roomCases[w] > 0
                            ? mcf.addArcWithCapacityAndUnitCost(firstBand + i, firstWorker + w, limit, -cost) : -1;
                }
            }
            for (int w = 0; w < workers; w++) {
                if (roomCases[w] > 0) {
                    mcf.addArcWithCapacityAndUnitCost(firstWorker + w, sink, roomCases[w], 0);
                }
            }
            mcf.addArcWithCapacityAndUnitCost(source, sink, supply, 0);
            mcf.setNodeSupply(source, supply);
            mcf.setNodeSupply(sink, -supply);
            MinCostFlowBase.Status status = mcf.solve();
            if (status != MinCostFlowBase.Status.OPTIMAL) {
                throw new IllegalStateException("min-cost flow ended " + status);
            }
            for (int i = 0; i < bands.size(); i++) {
                flow[i] = new int[arc[i].length];
                for (int k = 0; k < arc[i].length; k++) {
                    flow[i][k] = arc[i][k] < 0 ? 0 : (int) mcf.getFlow(arc[i][k]);
                }
            }
            return new Solution(flow, status.name(), mcf.getNumArcs());
        } finally {
            mcf.delete();
        }
    }

    /** How many cases of band i its group's k-th worker (worker w) may take at most. */
    interface ArcLimit {
        int limit(int band, int k, int w);
    }
}
