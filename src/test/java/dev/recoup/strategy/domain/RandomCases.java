package dev.recoup.strategy.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

import java.util.List;
import java.util.Set;

/** Random case attributes over the whole range the daily run can produce, and a few values beyond it. */
final class RandomCases {

    static final List<String> PRODUCTS = List.of("consumer_loan", "credit_card", "sme_loan", "secured_loan");
    static final List<String> COLLATERAL = List.of("real_estate", "vehicle", "equity", "receivable", "other");
    static final List<String> OCCUPATIONS = List.of("公司职员", "销售人员", "工人", "司机", "程序员", "会计", "保安", "教师",
            "医护人员", "公务员", "外卖骑手", "快递员", "厨师", "服务员", "个体工商户", "自由职业", "务农", "");
    static final List<String> TRENDS = List.of("STEADY", "RISING", "DECLINING", "INSUFFICIENT");
    static final List<String> TIERS = List.of("T1", "T2", "T3", "T4", "");
    static final List<String> BUCKETS = List.of("M0", "M1", "M2", "M3", "M4", "M5", "M6", "M7+");
    static final List<String> REGIONS = List.of("110105", "310115", "440305", "440106", "330106", "510107", "");

    private RandomCases() {
    }

    /** Attributes with {@code dpd >= minDpd}; amounts in fen up to 100 million yuan. */
    static Arbitrary<CaseAttributes> attributes(int minDpd) {
        Arbitrary<Integer> dpd = Arbitraries.integers().between(minDpd, 2_000).edgeCases(e -> e.includeOnly(minDpd, 5, 6, 17, 18, 30, 31, 90, 91, 180, 181));
        Arbitrary<Long> amount = Arbitraries.longs().between(0, 10_000_000_000L)
                .edgeCases(e -> e.includeOnly(0L, DefaultStrategy.PHONE_LIMIT_FEN, DefaultStrategy.PHONE_LIMIT_FEN + 1));
        Arbitrary<Set<String>> products = Arbitraries.of(PRODUCTS).set().ofMinSize(1).ofMaxSize(3);
        Arbitrary<Set<String>> collateral = Arbitraries.of(COLLATERAL).set().ofMaxSize(2);
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 6);
        Arbitrary<Double> score = Arbitraries.oneOf(Arbitraries.just(-1.0), Arbitraries.doubles().between(0, 1));
        return Combinators.combine(
                Combinators.combine(Arbitraries.longs().between(1, 1_000_000), dpd, Arbitraries.of(BUCKETS), Arbitraries.of(TIERS),
                        amount, amount, products, collateral).as(Part::new),
                Combinators.combine(amount, Arbitraries.of(REGIONS), Arbitraries.integers().between(-1, 90), Arbitraries.of(OCCUPATIONS),
                        small, small, Arbitraries.of(TRENDS), Arbitraries.integers().between(0, 20_000)).as(Rest::new),
                Arbitraries.integers().between(0, 400), score)
                .as((p, r, daysInStage, s) -> new CaseAttributes(p.caseId, p.dpd, p.bucket, p.tier, p.overdue, p.total, p.products,
                        p.collateral, r.collateralValue, r.region, r.age, r.occupation, r.contacts, r.broken, r.trend, r.variation,
                        daysInStage, s))
                .flatMap(RandomCases::withOrWithoutPlan);
    }

    /** A third of the cases on an active plan: up to date or some days late, covering all, some or none of the overdue amount. */
    private static Arbitrary<CaseAttributes> withOrWithoutPlan(CaseAttributes a) {
        Arbitrary<CaseAttributes> onPlan = Combinators.combine(
                Arbitraries.integers().between(0, 120).edgeCases(e -> e.includeOnly(0, 1)),
                Arbitraries.longs().between(0, Math.max(0, a.overdueAmount())).edgeCases(e -> e.includeOnly(0L)))
                .as((planDpd, beyond) -> new CaseAttributes(a.caseId(), a.dpd(), a.bucket(), a.tier(), a.overdueAmount(), a.totalAmount(),
                        a.products(), a.collateralTypes(), a.collateralValue(), a.region(), a.age(), a.occupation(), a.reachableContacts(),
                        a.brokenPromises(), a.repaymentTrend(), a.repaymentVariationBp(), a.daysInStage(), a.score(), true, planDpd, beyond));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(2, Arbitraries.just(a)), net.jqwik.api.Tuple.of(1, onPlan));
    }

    private record Part(long caseId, int dpd, String bucket, String tier, long overdue, long total, Set<String> products,
                        Set<String> collateral) {
    }

    private record Rest(long collateralValue, String region, int age, String occupation, int contacts, int broken, String trend,
                        int variation) {
    }
}
