/**
 * Allocation (分案, R7): teams, agents and outside agencies; who works which open case, by the
 * rules that always hold (new agents only T1, capacities, a case stays with its worker until its
 * review or a stage change, skills and regions where a team requires them) and by one of three
 * methods — round-robin, amount-balanced snake, or optimised expected recovery (OR-Tools); agency
 * placements with their recall, recovered amount and commission. The daily run allocates every day.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Allocation")
package dev.recoup.allocation;
