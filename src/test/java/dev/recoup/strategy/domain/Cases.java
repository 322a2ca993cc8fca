package dev.recoup.strategy.domain;

import java.util.Set;

/** A case's attributes built by changing a plain default: an M1 T1 consumer-loan customer, 3 days late. */
final class Cases {

    private long caseId = 1;
    private int dpd = 3;
    private String bucket = "M1";
    private String tier = "T1";
    private long overdueAmount = 120_000;
    private long totalAmount = 1_200_000;
    private Set<String> products = Set.of("consumer_loan");
    private Set<String> collateralTypes = Set.of();
    private long collateralValue = 0;
    private String region = "110105";
    private int age = 35;
    private String occupation = "公司职员";
    private int reachableContacts = 2;
    private int brokenPromises = 0;
    private String repaymentTrend = "STEADY";
    private int repaymentVariationBp = 500;
    private int daysInStage = 0;
    private double score = -1;
    private boolean onActivePlan = false;
    private int planDpd = -1;
    private Long overdueBeyondPlan = null;

    static Cases aCase() {
        return new Cases();
    }

    /** DPD with its bucket and the tier R4 gives it (T1 within 30 days keeps a good history). */
    Cases dpd(int dpd) {
        this.dpd = dpd;
        this.bucket = dpd == 0 ? "M0" : dpd > 180 ? "M7+" : "M" + ((dpd + 29) / 30);
        this.tier = dpd <= 30 ? (tier.equals("T2") ? "T2" : "T1") : dpd <= 90 ? "T2" : dpd <= 180 ? "T3" : "T4";
        return this;
    }

    Cases tier(String tier) {
        this.tier = tier;
        return this;
    }

    Cases overdue(long fen) {
        this.overdueAmount = fen;
        this.totalAmount = Math.max(totalAmount, fen);
        return this;
    }

    Cases products(String... products) {
        this.products = Set.of(products);
        return this;
    }

    Cases collateral(long valueFen, String... types) {
        this.collateralTypes = Set.of(types);
        this.collateralValue = valueFen;
        return this;
    }

    Cases occupation(String occupation) {
        this.occupation = occupation;
        return this;
    }

    Cases reachableContacts(int contacts) {
        this.reachableContacts = contacts;
        return this;
    }

    Cases brokenPromises(int promises) {
        this.brokenPromises = promises;
        return this;
    }

    Cases trend(String trend) {
        this.repaymentTrend = trend;
        return this;
    }

    Cases variation(int basisPoints) {
        this.repaymentVariationBp = basisPoints;
        return this;
    }

    Cases daysInStage(int days) {
        this.daysInStage = days;
        return this;
    }

    Cases region(String region) {
        this.region = region;
        return this;
    }

    /** On an active instalment plan whose oldest unpaid instalment is {@code planDpd} days late, leaving {@code beyondFen} uncovered. */
    Cases onPlan(int planDpd, long beyondFen) {
        this.onActivePlan = true;
        this.planDpd = planDpd;
        this.overdueBeyondPlan = beyondFen;
        return this;
    }

    CaseAttributes build() {
        return new CaseAttributes(caseId, dpd, bucket, tier, overdueAmount, totalAmount, products, collateralTypes,
                collateralValue, region, age, occupation, reachableContacts, brokenPromises, repaymentTrend,
                repaymentVariationBp, daysInStage, score, onActivePlan, planDpd, overdueBeyondPlan == null ? overdueAmount : overdueBeyondPlan);
    }
}
