package dev.recoup.agreements;

import java.time.LocalDate;

/**
 * Terms of a plan, for the calculator or to create one. Amounts in fen.
 *
 * @param totalMinor         the total to pay; creating a plan without it takes the case's overdue total
 * @param firstPaymentMinor  null: the larger of the product's minimum first payment and an equal share
 * @param frequency          WEEKLY, FORTNIGHTLY or MONTHLY (default MONTHLY)
 * @param product            the calculator's product whose limits apply (ignored with a case: the case's accounts' products decide)
 * @param monthlyIncomeMinor declared monthly income (required to create a plan)
 * @param agentId            the allocation agent who agreed it (ref); null: the case's current agent
 * @param note               what was agreed and why; sent with the approval request when one is needed
 */
public record PlanRequest(Long totalMinor, Integer instalments, Long firstPaymentMinor, LocalDate startDate, String frequency, String product,
                          Long monthlyIncomeMinor, Long monthlyExpensesMinor, String agentId, String note) {
}
