/**
 * Delinquency: the arithmetic of lateness — how payments pay a schedule, days past due, buckets,
 * the repayment trend and tiers. Plain Java, shared by the daily run, the case views and (later)
 * intraday payment posting, so all of them count the same way.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Delinquency")
package dev.recoup.delinquency;
