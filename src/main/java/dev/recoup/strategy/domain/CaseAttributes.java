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
 * @param brokenPromises       promises to pay broken on this case (0 until promises exist)
 * @param repaymentTrend       STEADY, RISING, DECLINING or INSUFFICIENT (delinquency RepaymentTrend) (last three repayments)
 * @param repaymentVariationBp variation of the last three repayments, basis points
 * @param daysInStage          days since the case entered its current segment
 * @param score                propensity score 0..1, or -1 until scoring exists
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
        double score) {
}
