package dev.recoup.strategy.domain;

import java.util.Set;

/** The benchmark's Drools fact: a plain Java bean mirroring {@link CaseAttributes}, plus the segment a rule sets. */
public class CaseFact {

    private final long caseId;
    private final int dpd;
    private final String bucket;
    private final String tier;
    private final long overdueAmount;
    private final long totalAmount;
    private final Set<String> products;
    private final Set<String> collateralTypes;
    private final long collateralValue;
    private final String region;
    private final int age;
    private final String occupation;
    private final int reachableContacts;
    private final int brokenPromises;
    private final String repaymentTrend;
    private final int repaymentVariationBp;
    private final int daysInStage;
    private final double score;
    private int segment = -1;

    public CaseFact(CaseAttributes a) {
        this.caseId = a.caseId();
        this.dpd = a.dpd();
        this.bucket = a.bucket();
        this.tier = a.tier();
        this.overdueAmount = a.overdueAmount();
        this.totalAmount = a.totalAmount();
        this.products = a.products();
        this.collateralTypes = a.collateralTypes();
        this.collateralValue = a.collateralValue();
        this.region = a.region();
        this.age = a.age();
        this.occupation = a.occupation();
        this.reachableContacts = a.reachableContacts();
        this.brokenPromises = a.brokenPromises();
        this.repaymentTrend = a.repaymentTrend();
        this.repaymentVariationBp = a.repaymentVariationBp();
        this.daysInStage = a.daysInStage();
        this.score = a.score();
    }

    public long getCaseId() {
        return caseId;
    }

    public int getDpd() {
        return dpd;
    }

    public String getBucket() {
        return bucket;
    }

    public String getTier() {
        return tier;
    }

    public long getOverdueAmount() {
        return overdueAmount;
    }

    public long getTotalAmount() {
        return totalAmount;
    }

    public Set<String> getProducts() {
        return products;
    }

    public Set<String> getCollateralTypes() {
        return collateralTypes;
    }

    public long getCollateralValue() {
        return collateralValue;
    }

    public String getRegion() {
        return region;
    }

    public int getAge() {
        return age;
    }

    public String getOccupation() {
        return occupation;
    }

    public int getReachableContacts() {
        return reachableContacts;
    }

    public int getBrokenPromises() {
        return brokenPromises;
    }

    public String getRepaymentTrend() {
        return repaymentTrend;
    }

    public int getRepaymentVariationBp() {
        return repaymentVariationBp;
    }

    public int getDaysInStage() {
        return daysInStage;
    }

    public double getScore() {
        return score;
    }

    public int getSegment() {
        return segment;
    }

    public void setSegment(int segment) {
        this.segment = segment;
    }
}
