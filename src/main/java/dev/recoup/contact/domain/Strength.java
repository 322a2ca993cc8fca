package dev.recoup.contact.domain;

/**
 * How a rule binds. A {@link #HARD} rule denies. A {@link #SOFT} rule never denies: when it is not
 * met the decision stays allowed and carries the rule as an advisory, and
 * {@link ContactGate#nextPreferredAt} searches for a time that meets the soft rules too — the
 * dialer orders its call list by that (China's working-day daytime preference is soft by default).
 */
public enum Strength {
    HARD,
    SOFT
}
