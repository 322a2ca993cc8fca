package dev.recoup.allocation.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic allocation problems shaped like a lender's: queues served by teams, a few agents per
 * team new (T1 only), field agents by province, agencies, amounts log-normal, propensity by bucket,
 * effectiveness lifts spread around 1. Deterministic from the seed.
 */
final class Instances {

    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    private static final String[] QUEUES = {"phone-t2", "senior-t3", "legal", "field", "agency"};
    private static final String[] BUCKETS = {"M1", "M2", "M3", "M4", "M5", "M6", "M7+"};
    private static final String[] PROVINCES = {"11", "31", "44", "32", "33", "51", "42", "37"};

    private Instances() {
    }

    /**
     * @param capacityShare how much of the pool the workers can hold together (by count), e.g. 0.8
     * @param amountTightness how tight the amount capacity is relative to the case capacity × mean amount (1 = as tight)
     */
    static AllocationProblem realistic(int cases, int agents, int agencies, double capacityShare, double amountTightness, long seed) {
        Random random = new Random(seed);
        List<PoolCase> pool = new ArrayList<>();
        double meanAmount = 0;
        for (int c = 0; c < cases; c++) {
            String queue = pick(random, QUEUES, new double[]{0.5, 0.2, 0.1, 0.1, 0.1});
            int bucket = switch (queue) {
                case "phone-t2" -> random.nextInt(3);
                case "senior-t3" -> 1 + random.nextInt(3);
                default -> 3 + random.nextInt(4);
            };
            String tier = queue.equals("phone-t2") ? (random.nextDouble() < 0.15 ? "T1" : "T2") : queue.equals("senior-t3") ? "T3" : "T4";
            long amount = Math.max(10_000, (long) Math.exp(13.5 + 1.1 * random.nextGaussian()));
            meanAmount += amount;
            String segment = queue + "-" + BUCKETS[bucket];
            pool.add(new PoolCase(c + 1, c + 1, queue, segment, tier, BUCKETS[bucket], amount,
                    PROVINCES[random.nextInt(PROVINCES.length)] + "0101"));
        }
        meanAmount /= Math.max(1, cases);
        double[] teamShare = {0.5, 0.25, 0.1, 0.15};
        int totalCapacity = (int) (cases * capacityShare);
        List<Worker> workers = new ArrayList<>();
        int index = 0;
        for (int t = 0; t < 4; t++) {
            int teamAgents = Math.max(1, (int) Math.round(agents * teamShare[t]));
            for (int a = 0; a < teamAgents; a++) {
                int room = Math.max(1, (int) Math.round(totalCapacity * 0.85 * teamShare[t] / teamAgents * (0.6 + 0.8 * random.nextDouble())));
                long amountRoom = (long) (room * meanAmount * amountTightness * (0.7 + 0.6 * random.nextDouble()));
                LocalDate started = random.nextDouble() < 0.1 ? DAY.minusDays(random.nextInt(14)) : DAY.minusDays(30 + random.nextInt(900));
                List<String> regions = t == 3 ? List.of(PROVINCES[a % PROVINCES.length]) : List.of();
                workers.add(new Worker(WorkerKind.AGENT, ++index, "A" + index, t + 1, java.util.Set.of(QUEUES[t]),
                        t == 2 ? java.util.Set.of("legal") : java.util.Set.of(), t == 3, java.util.Set.of("legal"), regions, started,
                        0, 0, room, amountRoom));
            }
        }
        for (int a = 0; a < agencies; a++) {
            int room = Math.max(1, (int) (totalCapacity * 0.15 / Math.max(1, agencies)));
            workers.add(new Worker(WorkerKind.AGENCY, ++index, "G" + index, 5, java.util.Set.of("agency"), java.util.Set.of(), false,
                    java.util.Set.of(), List.of(), null, 0, 0, room, (long) (room * meanAmount * amountTightness * 1.5)));
        }
        EffectivenessModel effectiveness = syntheticEffectiveness(workers, random);
        return AllocationProblem.of(pool, workers, new EligibilityRules(14), DAY, PropensityModel.fit(List.of(), 50), effectiveness);
    }

    /** Finished assignments that give every worker its own lift per segment (0.6–1.4 around its team). */
    private static EffectivenessModel syntheticEffectiveness(List<Worker> workers, Random random) {
        List<EffectivenessModel.Outcome> outcomes = new ArrayList<>();
        for (Worker w : workers) {
            for (String q : w.queues()) {
                for (String b : BUCKETS) {
                    int n = random.nextInt(60);
                    double share = Math.min(1, Math.max(0, 0.3 * (0.6 + 0.8 * random.nextDouble())));
                    outcomes.add(new EffectivenessModel.Outcome(w.kind(), w.id(), w.teamId(), q + "-" + b, n, n * share));
                }
            }
        }
        return EffectivenessModel.fit(outcomes, 20);
    }

    private static String pick(Random random, String[] values, double[] weights) {
        double u = random.nextDouble();
        for (int i = 0; i < values.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return values[i];
            }
        }
        return values[values.length - 1];
    }

    /**
     * The day after {@code day} was allocated as {@code workerOf}: the cases left, and workers whose room
     * is what they did not use plus up to two cases (and some amount) given back by cured cases.
     */
    static AllocationProblem nextDay(AllocationProblem day, int[] workerOf, long seed) {
        Random random = new Random(seed);
        int[] used = new int[day.workers()];
        long[] usedAmount = new long[day.workers()];
        for (int c = 0; c < day.cases(); c++) {
            if (workerOf[c] != AllocationProblem.NONE) {
                used[workerOf[c]]++;
                usedAmount[workerOf[c]] += day.amount[c];
            }
        }
        int[] roomCases = new int[day.workers()];
        long[] roomAmount = new long[day.workers()];
        for (int w = 0; w < day.workers(); w++) {
            int freed = random.nextInt(3);
            roomCases[w] = day.roomCases[w] - used[w] + freed;
            roomAmount[w] = day.roomAmount[w] - usedAmount[w] + (long) (freed * 800_000 * random.nextDouble());
        }
        int[] left = java.util.stream.IntStream.range(0, day.cases()).filter(c -> workerOf[c] == AllocationProblem.NONE).toArray();
        long[] amount = new long[left.length];
        double[] propensity = new double[left.length];
        int[] segmentOf = new int[left.length], setOf = new int[left.length];
        for (int i = 0; i < left.length; i++) {
            amount[i] = day.amount[left[i]];
            propensity[i] = day.propensity[left[i]];
            segmentOf[i] = day.segmentOf[left[i]];
            setOf[i] = day.setOf[left[i]];
        }
        return new AllocationProblem(amount, propensity, segmentOf, setOf, day.sets, roomCases, roomAmount, day.lift);
    }

    /** A small problem straight from arrays: every case may go to every worker listed for it. */
    static AllocationProblem tiny(long[] amounts, double[] propensity, int[][] eligible, int[] roomCases, long[] roomAmount, double[][] lift) {
        int[] segmentOf = new int[amounts.length];
        int[] setOf = new int[amounts.length];
        for (int c = 0; c < amounts.length; c++) {
            setOf[c] = c;
        }
        return new AllocationProblem(amounts, propensity, segmentOf, setOf, eligible, roomCases, roomAmount, lift);
    }

    /** The best allocation by trying every one (each case: nobody or one of its workers). */
    static double bruteForceOptimum(AllocationProblem p) {
        return search(p, 0, new int[p.workers()], new long[p.workers()]);
    }

    private static double search(AllocationProblem p, int c, int[] count, long[] amount) {
        if (c == p.cases()) {
            return 0;
        }
        double best = search(p, c + 1, count, amount);
        for (int w : p.eligible(c)) {
            if (count[w] < p.roomCases[w] && amount[w] + p.amount(c) <= p.roomAmount[w]) {
                count[w]++;
                amount[w] += p.amount(c);
                best = Math.max(best, p.value(c, w) + search(p, c + 1, count, amount));
                count[w]--;
                amount[w] -= p.amount(c);
            }
        }
        return best;
    }
}
