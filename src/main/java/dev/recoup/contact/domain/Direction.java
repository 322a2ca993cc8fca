package dev.recoup.contact.domain;

/** Who started a ledger entry: we ({@link #OUTBOUND}) or the person ({@link #INBOUND}). */
public enum Direction {
    OUTBOUND,
    INBOUND
}
