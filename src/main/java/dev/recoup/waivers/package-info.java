/**
 * Waivers and settlements (R17): penalty, fee and interest waivers with proof of hardship — never
 * principal, except in a settlement at an approval level that allows it — approved at two levels
 * through {@link dev.recoup.approvals.Approvals} (team lead, then manager, by amount), posted as
 * adjustments through {@link dev.recoup.payments.Adjustments} once approved, and the case left out
 * of KPIs when the approved request said so ({@link dev.recoup.waivers.KpiExclusions}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Waivers")
package dev.recoup.waivers;
