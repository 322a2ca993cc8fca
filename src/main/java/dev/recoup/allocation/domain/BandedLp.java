package dev.recoup.allocation.domain;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

import java.util.List;

/**
 * The LP relaxation over bands, solved by GLOP (primal simplex): how many cases of each band go to
 * each worker, fractionally, under both capacities — with a band's cases counted at their mean
 * amount. Its duals are the prices of the capacities: {@code countPrice[w]} (fen of expected
 * recovery one more case slot of w is worth) and {@code amountPrice[w]} (fen per fen of room). They
 * start the search for the upper bound; its optimum is what the flow rounds.
 */
final class BandedLp {

    /**
     * @param share  {@code share[i][k]}: cases of band i to its group's k-th worker in the LP optimum (fractional)
     * @param value  the LP optimum, fen
     */
    record Prices(double[] countPrice, double[] amountPrice, double[][] share, double value, String status) {
    }

    private BandedLp() {
    }

    static Prices solve(AllocationProblem p, Groups groups, List<Groups.Band> bands) {
        int workers = p.workers();
        // Amounts and values in units of the mean case amount keep GLOP's numbers near 1.
        double unit = Math.max(1, meanAmount(p, bands));
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            MPConstraint[] count = new MPConstraint[workers], amount = new MPConstraint[workers];
            for (int w = 0; w < workers; w++) {
                count[w] = lp.makeConstraint(0, p.roomCases[w]);
                amount[w] = lp.makeConstraint(0, p.roomAmount[w] / unit);
            }
            MPObjective objective = lp.objective();
            objective.setMaximization();
            MPVariable[][] vars = new MPVariable[bands.size()][];
            for (int i = 0; i < bands.size(); i++) {
                Groups.Band band = bands.get(i);
                Groups.Group g = groups.groups.get(band.group());
                MPConstraint supply = lp.makeConstraint(0, band.size());
                double mean = band.mean() / unit;
                vars[i] = new MPVariable[g.workers.length];
                long smallest = p.amount[g.cases[band.to() - 1]];
                for (int k = 0; k < g.workers.length; k++) {
                    int w = g.workers[k];
                    if (smallest > p.roomAmount[w]) {
                        continue; // no case of the band fits the worker's amount room
                    }
                    MPVariable x = lp.makeNumVar(0, band.size(), "");
                    vars[i][k] = x;
                    supply.setCoefficient(x, 1);
                    count[w].setCoefficient(x, 1);
                    amount[w].setCoefficient(x, mean);
                    objective.setCoefficient(x, mean * g.rate[k]);
                }
            }
            // A safety net: the banded LP solves in about a second; without it the flows still allocate.
            lp.setTimeLimit(60_000);
            MPSolver.ResultStatus status = lp.solve();
            double[] countPrice = new double[workers], amountPrice = new double[workers];
            double[][] share = new double[bands.size()][];
            boolean optimal = status == MPSolver.ResultStatus.OPTIMAL;
            if (optimal) {
                for (int w = 0; w < workers; w++) {
                    countPrice[w] = Math.max(0, count[w].dualValue()) * unit;
                    amountPrice[w] = Math.max(0, amount[w].dualValue());
                }
            }
            for (int i = 0; i < bands.size(); i++) {
                share[i] = new double[vars[i].length];
                for (int k = 0; k < vars[i].length; k++) {
                    share[i][k] = optimal && vars[i][k] != null ? vars[i][k].solutionValue() : 0;
                }
            }
            return new Prices(countPrice, amountPrice, share, optimal ? objective.value() * unit : 0, status.name());
        } finally {
            lp.delete();
        }
    }

    private static double meanAmount(AllocationProblem p, List<Groups.Band> bands) {
        long sum = 0, n = 0;
        for (Groups.Band b : bands) {
            sum += b.sum();
            n += b.size();
        }
        return n == 0 ? 1 : (double) sum / n;
    }
}
