/**
 * Agreements: promises to pay (R15) — recorded with date, amount, channel and agent, reminded before
 * the date, judged kept, partly kept or broken from payments (at once when a payment is posted, and
 * in the daily run once the grace days have passed) — and instalment plans (R16): a calculator,
 * plans within the product's limits or approved beyond them, an affordability check, tracking of
 * every instalment, breaking after missed instalments and credit-restoration eligibility on
 * completion. Strategies see broken promises and active plans through the view
 * {@code case_agreement_status} (docs/adr/0013-promises-and-instalment-plans.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agreements")
package dev.recoup.agreements;
