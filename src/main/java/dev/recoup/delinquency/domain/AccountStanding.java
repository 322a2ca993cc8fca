package dev.recoup.delinquency.domain;

import java.util.List;

/** What the customer-level assessment needs to know of one account. */
public record AccountStanding(int daysPastDue, long overdueTotal, long outstanding, int maxDaysLateSettled,
                              int repaymentsMade, List<Repayment> lastRepayments) {
}
