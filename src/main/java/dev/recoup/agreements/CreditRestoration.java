package dev.recoup.agreements;

import java.time.LocalDate;

/** A customer eligible for credit restoration (R16): they completed plan {@code planId} on {@code eligibleOn}. */
public record CreditRestoration(String customerId, String customerName, long planId, long caseId, LocalDate eligibleOn) {
}
