package dev.recoup.agreements;

import dev.recoup.agreements.domain.Affordability;
import dev.recoup.agreements.domain.PlanLimits;
import dev.recoup.agreements.domain.ScheduledInstalment;

import java.util.List;

/**
 * What the calculator answers: the schedule (amounts in fen, adding up to the total exactly), the
 * limits that apply and the ones the plan goes beyond (then it needs approval), and the
 * affordability assessment when income and expenses were given (else null).
 */
public record PlanQuote(long totalMinor, int instalments, String frequency, String product, List<ScheduledInstalment> schedule,
                        PlanLimits limits, List<PlanLimits.Breach> breaches, boolean needsApproval, Affordability.Assessment affordability) {
}
