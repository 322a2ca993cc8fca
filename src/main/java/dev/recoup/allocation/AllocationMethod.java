package dev.recoup.allocation;

/** How new cases are dealt to the eligible workers; the rules and capacities hold under every method. */
public enum AllocationMethod {
    /** Cases in id order, each to the next eligible worker in turn who has room. */
    ROUND_ROBIN,
    /** Cases by overdue amount, largest first, dealt in snake order (1…n, n…1) so amounts even out. */
    SNAKE,
    /** Maximises expected recovery (propensity × the worker's effectiveness) under capacities: an LP and a min-cost flow. */
    OPTIMISED
}
