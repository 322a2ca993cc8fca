package dev.recoup.allocation.domain;

import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.Literal;

import java.util.ArrayList;
import java.util.List;

/**
 * The allocation as a 0/1 integer program — one variable per case and eligible worker, at most one
 * worker per case, both capacities per worker — solved by OR-Tools CP-SAT from a starting solution.
 * Used for small instances, where it proves the optimum (or improves on the flow's allocation within
 * its time limit). Values are scaled to integers (10^7 for the largest), which costs at most
 * 5·10^-8 of the largest value per case.
 */
final class ExactSolve {

    record Outcome(int[] workerOf, String status) {
    }

    private ExactSolve() {
    }

    static Outcome solve(AllocationProblem p, Groups groups, int[] start, double seconds) {
        CpModel model = new CpModel();
        double maxValue = 0;
        for (Groups.Group g : groups.groups) {
            for (double r : g.rate) {
                maxValue = Math.max(maxValue, p.amount[g.cases[0]] * r);
            }
        }
        if (maxValue <= 0) {
            return new Outcome(start, "NOTHING_TO_GAIN");
        }
        double scale = 1e7 / maxValue;
        List<List<Literal>> byWorker = new ArrayList<>();
        List<List<Long>> amountsByWorker = new ArrayList<>();
        for (int w = 0; w < p.workers(); w++) {
            byWorker.add(new ArrayList<>());
            amountsByWorker.add(new ArrayList<>());
        }
        List<BoolVar> all = new ArrayList<>();
        List<Long> weights = new ArrayList<>();
        List<int[]> pairs = new ArrayList<>();
        for (Groups.Group g : groups.groups) {
            for (int c : g.cases) {
                List<Literal> options = new ArrayList<>();
                for (int k = 0; k < g.workers.length; k++) {
                    int w = g.workers[k];
                    if (p.amount[c] > p.roomAmount[w]) {
                        continue;
                    }
                    BoolVar x = model.newBoolVar("");
                    model.addHint(x, start[c] == w);
                    options.add(x);
                    byWorker.get(w).add(x);
                    amountsByWorker.get(w).add(p.amount[c]);
                    all.add(x);
                    weights.add(Math.round(p.amount[c] * g.rate[k] * scale));
                    pairs.add(new int[]{c, w});
                }
                if (options.size() > 1) {
                    model.addAtMostOne(options);
                }
            }
        }
        for (int w = 0; w < p.workers(); w++) {
            List<Literal> xs = byWorker.get(w);
            if (xs.isEmpty()) {
                continue;
            }
            Literal[] vars = xs.toArray(Literal[]::new);
            if (xs.size() > p.roomCases[w]) {
                model.addLessOrEqual(LinearExpr.sum(vars), p.roomCases[w]);
            }
            long[] amounts = amountsByWorker.get(w).stream().mapToLong(Long::longValue).toArray();
            model.addLessOrEqual(LinearExpr.weightedSum(vars, amounts), p.roomAmount[w]);
        }
        model.maximize(LinearExpr.weightedSum(all.toArray(BoolVar[]::new), weights.stream().mapToLong(Long::longValue).toArray()));
        CpSolver solver = new CpSolver();
        // One worker: the same input gives the same allocation.
        solver.getParameters().setMaxTimeInSeconds(seconds).setNumWorkers(1).setRandomSeed(7);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL && status != CpSolverStatus.FEASIBLE) {
            return new Outcome(start, status.name());
        }
        int[] workerOf = new int[start.length];
        java.util.Arrays.fill(workerOf, AllocationProblem.NONE);
        for (int i = 0; i < all.size(); i++) {
            if (solver.booleanValue(all.get(i))) {
                workerOf[pairs.get(i)[0]] = pairs.get(i)[1];
            }
        }
        return new Outcome(workerOf, status.name());
    }
}
