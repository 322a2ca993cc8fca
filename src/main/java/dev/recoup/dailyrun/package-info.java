/**
 * The daily run (日终): for a business date, works out every account's and customer's days past
 * due, bucket and tier, records every move, and opens and closes cases. Ordered steps, a run
 * ledger with progress and timings, restartable after a crash, idempotent per date.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Daily run")
package dev.recoup.dailyrun;
