package dev.recoup.payments;

import java.time.LocalDate;

/** Published inside the posting transaction when an adjustment (an approved waiver …) lowered what an account owes. */
public record AdjustmentPosted(long adjustmentId, long accountId, Long caseId, AmountComponent component, long amountFen, LocalDate effectiveOn,
                               String sourceKind, long sourceId) {
}
