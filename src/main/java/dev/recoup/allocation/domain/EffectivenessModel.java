package dev.recoup.allocation.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How well a worker (agent or agency) recovers cases of a segment, learned from finished
 * assignments: the share of the overdue amount at assignment recovered while the worker held the
 * case (capped at 1 per assignment), smoothed empirical-Bayes style in three levels — the segment's
 * rate over everyone toward a neutral default, a team's rate toward its segment's, a worker's toward
 * its team's (a Beta prior of {@code strength} pseudo-assignments at each level). A new worker has
 * no assignments and gets its team's rate.
 *
 * <p>Allocation uses the <em>lift</em>: the worker's rate ÷ the segment's rate, about 1 for an
 * average worker, so that propensity × overdue × lift stays an expected amount in fen.
 */
public final class EffectivenessModel {

    /**
     * Finished assignments of one worker in one segment.
     *
     * @param recoveredShareSum Σ min(recovered, overdue at assignment) ÷ overdue at assignment
     */
    public record Outcome(WorkerKind kind, long workerId, long teamId, String segment, long assignments, double recoveredShareSum) {
    }

    /** The rate assumed before anything is known; lifts are ratios, so its level only sets how priors blend. */
    static final double NEUTRAL_RATE = 0.3;

    private final Map<String, Double> segmentRate = new HashMap<>();
    private final Map<String, Double> teamRate = new HashMap<>();
    private final Map<String, Double> workerRate = new HashMap<>();

    private EffectivenessModel() {
    }

    public static EffectivenessModel fit(List<Outcome> outcomes, double strength) {
        EffectivenessModel model = new EffectivenessModel();
        Map<String, double[]> segments = new HashMap<>(), teams = new HashMap<>();
        for (Outcome o : outcomes) {
            add(segments, o.segment(), o);
            add(teams, teamKey(o.teamId(), o.segment()), o);
        }
        segments.forEach((segment, s) -> model.segmentRate.put(segment, smoothed(s, NEUTRAL_RATE, strength)));
        for (Outcome o : outcomes) {
            String team = teamKey(o.teamId(), o.segment());
            double teamMean = model.teamRate.computeIfAbsent(team, t -> smoothed(teams.get(t), model.segment(o.segment()), strength));
            model.workerRate.put(workerKey(o.kind(), o.workerId(), o.segment()),
                    smoothed(new double[]{o.assignments(), o.recoveredShareSum()}, teamMean, strength));
        }
        return model;
    }

    /** The worker's expected recovery relative to an average worker in this segment. */
    public double lift(WorkerKind kind, long workerId, long teamId, String segment) {
        Double rate = workerRate.get(workerKey(kind, workerId, segment));
        if (rate == null) {
            rate = teamRate.getOrDefault(teamKey(teamId, segment), segment(segment));
        }
        return rate / segment(segment);
    }

    /** The smoothed recovered share of the worker in the segment (its own, its team's, or the segment's). */
    public double rate(WorkerKind kind, long workerId, long teamId, String segment) {
        return lift(kind, workerId, teamId, segment) * segment(segment);
    }

    private double segment(String segment) {
        return segmentRate.getOrDefault(segment, NEUTRAL_RATE);
    }

    private static void add(Map<String, double[]> sums, String key, Outcome o) {
        double[] s = sums.computeIfAbsent(key, k -> new double[2]);
        s[0] += o.assignments();
        s[1] += o.recoveredShareSum();
    }

    private static double smoothed(double[] countAndShares, double prior, double strength) {
        return (countAndShares[1] + strength * prior) / (countAndShares[0] + strength);
    }

    private static String teamKey(long teamId, String segment) {
        return teamId + "/" + segment;
    }

    private static String workerKey(WorkerKind kind, long id, String segment) {
        return kind + "/" + id + "/" + segment;
    }
}
