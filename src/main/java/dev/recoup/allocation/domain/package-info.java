/**
 * Allocation rules and methods as plain Java: who may work which case ({@link dev.recoup.allocation.domain.EligibilityRules}),
 * the propensity and effectiveness models, and the three allocators over an {@link dev.recoup.allocation.domain.AllocationProblem}.
 * The optimiser calls OR-Tools (a solver library, not a framework).
 */
package dev.recoup.allocation.domain;
