/**
 * Allocation arithmetic as plain Java: in which order money pays the components of a schedule,
 * and what is left as credit. No Spring, no SQL, no web. The daily run's replay of payments
 * ({@code delinquency.domain.RepaymentWaterfall}) uses the same rule.
 */
@org.springframework.modulith.NamedInterface("domain")
package dev.recoup.payments.domain;
