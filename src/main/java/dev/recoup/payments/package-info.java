/**
 * Payments: money received, posted by file or API exactly once (idempotency keys), allocated to
 * instalments and their components in a configurable order, every fen traceable; reversals; credit
 * for overpayment; adjustments (approved waivers) that reduce what is owed (R18, issue 5).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package dev.recoup.payments;
