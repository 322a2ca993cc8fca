package dev.recoup.delinquency.domain;

/**
 * The four collection tiers of R4 (seed 000). Who works a case follows from it:
 * T1 robot voice and SMS, T2 phone agents who find the cause, T3 senior specialists with
 * personalised plans, T4 legal action and asset disposal.
 */
public enum Tier {
    T1, T2, T3, T4
}
