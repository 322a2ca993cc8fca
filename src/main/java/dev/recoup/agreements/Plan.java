package dev.recoup.agreements;

import dev.recoup.agreements.domain.PlanProgress;
import dev.recoup.agreements.domain.PlanStatus;

import java.time.LocalDate;
import java.util.List;

/**
 * An instalment plan with its terms, how it stands against the payments, and each instalment.
 * Amounts in fen.
 *
 * @param limitBreaches             the product limits it goes beyond (empty: within them, no approval needed)
 * @param daysPastDue               days since the oldest unpaid instalment fell due (0 when up to date)
 * @param creditRestorationEligibleOn when the customer became eligible for credit restoration (a completed plan), or null
 */
public record Plan(long id, long caseId, String customerId, PlanStatus status, long totalMinor, int instalments, long firstPaymentMinor,
                   String frequency, LocalDate startDate, int maxInstalments, int minFirstPaymentPercent, List<String> limitBreaches,
                   int graceDays, int breakAfterMissed, long monthlyIncomeMinor, long monthlyExpensesMinor, String affordability,
                   String affordabilityCode, Long approvalId, String agentId, String teamCode, LocalDate createdOn, String createdBy,
                   String note, LocalDate activatedOn, long paidMinor, long remainingMinor, int missed, LocalDate oldestUnpaidDueOn,
                   long daysPastDue, LocalDate endedOn, String endReason, LocalDate creditRestorationEligibleOn,
                   List<Instalment> schedule) {

    public record Instalment(int seq, LocalDate dueOn, long amountMinor, long paidMinor, PlanProgress.InstalmentState state) {
    }
}
