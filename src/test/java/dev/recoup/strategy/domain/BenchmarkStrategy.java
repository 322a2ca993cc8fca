package dev.recoup.strategy.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The benchmark's 30-segment strategy and its cases. The default strategy's 15 segments, with 15
 * generated campaign segments (region, product, occupation, age, amount and score conditions, as a
 * manager would add them) inserted after the three specific routes, i.e. before the generic DPD
 * stages: most cases are tested against 18 or more conditions before one holds.
 */
final class BenchmarkStrategy {

    static final int SEGMENTS = 30;

    private BenchmarkStrategy() {
    }

    static StrategyDefinition definition() {
        StrategyDefinition base = DefaultStrategy.definition();
        // The instalment-plan segments (issue 5) are left out: the benchmark's cases have no plans, and the
        // figures in docs/benchmarks.md were measured with the 15 segments before them.
        List<StrategyDefinition.Segment> segments = new ArrayList<>(base.segments().stream().filter(s -> !s.code().startsWith("PLAN-")).toList());
        List<StrategyDefinition.Segment> campaigns = campaigns(SEGMENTS - segments.size());
        segments.addAll(3, campaigns);
        return new StrategyDefinition("benchmark-30", "default strategy + 15 campaign segments", List.copyOf(segments));
    }

    private static List<StrategyDefinition.Segment> campaigns(int count) {
        String[] templates = {
                "dpd >= %1$d && dpd <= %2$d && region.startsWith('%3$s') && 'credit_card' in products && score >= 0.6",
                "dpd <= %2$d && age >= 18 && age < 25 && tier == 'T1' && overdueAmount > %4$d",
                "age >= 65 && dpd >= %1$d && dpd <= %2$d && reachableContacts <= 1",
                "occupation in ['外卖骑手', '快递员', '司机'] && dpd >= %1$d && dpd <= %2$d && overdueAmount > %4$d",
                "dpd <= %2$d && totalAmount > %5$d && repaymentTrend == 'DECLINING' && repaymentVariationBp >= 4000",
                "bucket in ['M3', 'M4'] && region.startsWith('%3$s') && brokenPromises >= 2",
                "'vehicle' in collateralTypes && dpd >= %1$d && collateralValue < overdueAmount",
                "dpd >= %1$d && dpd <= %2$d && 'consumer_loan' in products && size(products) >= 3 && score > 0.8",
                "tier == 'T2' && dpd >= %1$d && dpd <= %2$d && occupation == '自由职业' && overdueAmount > %4$d",
                "region in ['%3$s0101', '%3$s0102', '%3$s0103'] && dpd >= %1$d && dpd <= %2$d"};
        String[] provinces = {"11", "31", "44", "33", "51", "32", "37", "42"};
        Random random = new Random(30);
        List<StrategyDefinition.Segment> segments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int from = 1 + random.nextInt(120);
            int to = from + 10 + random.nextInt(60);
            String condition = String.format(templates[i % templates.length], from, to, provinces[random.nextInt(provinces.length)],
                    (1 + random.nextInt(50)) * 100_000L, (10 + random.nextInt(90)) * 1_000_000L);
            String queue = List.of(DefaultStrategy.PHONE_T2, DefaultStrategy.SENIOR_T3, DefaultStrategy.ROBOT_SMS).get(i % 3);
            segments.add(new StrategyDefinition.Segment("campaign-" + (i + 1), "专项" + (i + 1), "Campaign " + (i + 1), condition, queue,
                    List.of(new StrategyDefinition.Step("call", StepType.AGENT_CALL, 0, 3, null, null, "FIND_CAUSE", null))));
        }
        return segments;
    }

    /** Cases shaped like an open book: most early, a long tail past 180 days, some secured and SME loans. */
    static CaseAttributes[] cases(int count, long seed) {
        Random random = new Random(seed);
        List<String> occupations = RandomCases.OCCUPATIONS;
        String[] regions = {"110105", "310115", "440305", "440106", "330106", "510107", "320102", "370102", "420106", ""};
        CaseAttributes[] cases = new CaseAttributes[count];
        for (int i = 0; i < count; i++) {
            double p = random.nextDouble();
            int dpd = p < 0.40 ? 1 + random.nextInt(30) : p < 0.65 ? 31 + random.nextInt(60) : p < 0.80 ? 91 + random.nextInt(90)
                    : 181 + random.nextInt(900);
            String bucket = dpd > 180 ? "M7+" : "M" + ((dpd + 29) / 30);
            String tier = dpd <= 30 ? (random.nextDouble() < 0.7 ? "T1" : "T2") : dpd <= 90 ? "T2" : dpd <= 180 ? "T3" : "T4";
            long overdue = (long) Math.exp(Math.log(50_000) + random.nextDouble() * (Math.log(30_000_000) - Math.log(50_000)));
            long total = overdue * (2 + random.nextInt(8));
            double kind = random.nextDouble();
            Set<String> products;
            Set<String> collateral = Set.of();
            long collateralValue = 0;
            if (kind < 0.05) {
                products = Set.of("sme_loan");
            } else if (kind < 0.11) {
                products = Set.of("secured_loan");
                collateral = Set.of("real_estate");
                collateralValue = total * 2;
            } else if (kind < 0.15) {
                products = Set.of("secured_loan", "consumer_loan");
                collateral = Set.of("vehicle");
                collateralValue = total / 2;
            } else if (kind < 0.55) {
                products = Set.of("consumer_loan");
            } else if (kind < 0.9) {
                products = Set.of("credit_card");
            } else {
                products = Set.of("consumer_loan", "credit_card");
            }
            String trend = RandomCases.TRENDS.get(random.nextInt(RandomCases.TRENDS.size()));
            cases[i] = new CaseAttributes(i + 1L, dpd, bucket, tier, overdue, total, products, collateral, collateralValue,
                    regions[random.nextInt(regions.length)], 20 + random.nextInt(50), occupations.get(random.nextInt(occupations.size())),
                    random.nextDouble() < 0.1 ? 0 : 1 + random.nextInt(3), random.nextDouble() < 0.8 ? 0 : random.nextInt(4), trend,
                    random.nextInt(8_000), random.nextInt(60), random.nextDouble() < 0.5 ? -1 : random.nextDouble());
        }
        return cases;
    }
}
