package dev.recoup.agreements.domain;

/**
 * Where a plan stands. Within the product's limits it is ACTIVE at once; beyond them it is
 * PENDING_APPROVAL until approved (ACTIVE) or rejected (REJECTED). An ACTIVE plan ends COMPLETED
 * when its total is paid, or BROKEN after the configured number of missed instalments; a person
 * may cancel a pending or active plan (CANCELLED).
 */
public enum PlanStatus {
    PENDING_APPROVAL, ACTIVE, COMPLETED, BROKEN, REJECTED, CANCELLED
}
