package dev.recoup.strategy.domain;

import java.util.Set;

/**
 * What a strategy condition can see about one open case on a business date (the CEL variables
 * of the same names). Amounts are fen; "stage" is the strategy segment the case is in, so
 * {@code daysInStage} counts days since the case entered its current segment (0 on entry).
 *
 * @param dpd                  worst days past due over the customer's accounts
 * @param bucket               "M0" … "M7+"
 * @param tier                 "T1" … "T4" ("" when none)
 * @param overdueAmount        total overdue, fen
 * @param totalAmount          total outstanding, fen
 * @param products             products of the customer's accounts (consumer_loan, credit_card, sme_loan, secured_loan)
 * @param collateralTypes      collateral types on the accounts (real_estate, vehicle, equity, receivable, other)
 * @param collateralValue      sum of appraised collateral values, fen
 * @param region               six-digit region code ("" when unknown)
 * @param age                  customer age in years on the business date (-1 when unknown)
 * @param occupation           occupation as imported ("" when unknown)
 * @param reachableContacts    valid contacts with a phone or e-mail
 * @param brokenPromises       promises to pay on this case not honoured — broken or only partly kept (agreements' case_agreement_status)
 * @param repaymentTrend       STEADY, RISING, DECLINING or INSUFFICIENT (delinquency RepaymentTrend) (last three repayments)
 * @param repaymentVariationBp variation of the last three repayments, basis points
 * @param daysInStage          days since the case entered its current segment
 * @param score                propensity score 0..1, or -1 until scoring exists
 * @param onActivePlan         the case is on an active instalment plan (R16): the plan, not the overdue schedule, is what is collected
 * @param planDpd              days the plan's oldest unpaid instalment is late (0 when the plan is up to date); -1 without an active plan
 * @param overdueBeyondPlan    overdue amount the active plan does not cover (overdue − what is left to pay on the plan, at least 0), fen;
 *                             the whole overdue amount without a plan
 * @param delinquencyCause     the latest cause of delinquency the debtor gave on a call (workbench DelinquencyCause: JOB_LOSS,
 *                             INCOME_DROP, FORGOT …), "" when none was recorded
 */
public record CaseAttributes(
        long caseId,
        int dpd,
        String bucket,
        String tier,
        long overdueAmount,
        long totalAmount,
        Set<String> products,
        Set<String> collateralTypes,
        long collateralValue,
        String region,
        int age,
        String occupation,
        int reachableContacts,
        int brokenPromises,
        String repaymentTrend,
        int repaymentVariationBp,
        int daysInStage,
        double score,
        boolean onActivePlan,
        int planDpd,
        long overdueBeyondPlan,
        String delinquencyCause) {

    /** A case whose debtor has given no cause of delinquency. */
    public CaseAttributes(long caseId, int dpd, String bucket, String tier, long overdueAmount, long totalAmount, Set<String> products,
                          Set<String> collateralTypes, long collateralValue, String region, int age, String occupation, int reachableContacts,
                          int brokenPromises, String repaymentTrend, int repaymentVariationBp, int daysInStage, double score,
                          boolean onActivePlan, int planDpd, long overdueBeyondPlan) {
        this(caseId, dpd, bucket, tier, overdueAmount, totalAmount, products, collateralTypes, collateralValue, region, age, occupation,
                reachableContacts, brokenPromises, repaymentTrend, repaymentVariationBp, daysInStage, score, onActivePlan, planDpd,
                overdueBeyondPlan, "");
    }

    /** A case without an active plan (its whole overdue amount is beyond any plan). */
    public CaseAttributes(long caseId, int dpd, String bucket, String tier, long overdueAmount, long totalAmount, Set<String> products,
                          Set<String> collateralTypes, long collateralValue, String region, int age, String occupation, int reachableContacts,
                          int brokenPromises, String repaymentTrend, int repaymentVariationBp, int daysInStage, double score) {
        this(caseId, dpd, bucket, tier, overdueAmount, totalAmount, products, collateralTypes, collateralValue, region, age, occupation,
                reachableContacts, brokenPromises, repaymentTrend, repaymentVariationBp, daysInStage, score, false, -1, overdueAmount);
    }
}
