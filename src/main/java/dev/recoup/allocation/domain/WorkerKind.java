package dev.recoup.allocation.domain;

/** Who works an allocated case: one of our agents, or an outside agency (委外) on a placement. */
public enum WorkerKind {
    AGENT, AGENCY
}
