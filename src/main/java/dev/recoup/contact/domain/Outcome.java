package dev.recoup.contact.domain;

/** What came of a ledger entry. */
public enum Outcome {
    CONVERSATION_DEBTOR,
    CONVERSATION_THIRD_PARTY,
    NO_ANSWER,
    BUSY,
    NOT_IN_SERVICE,
    VOICEMAIL,
    WRONG_NUMBER,
    /** Answered, then the line dropped. */
    DROPPED,
    DELIVERED,
    BOUNCED,
    OPTED_OUT;

    /**
     * Whether a telephone call connected to the dialled number (Reg F comment 14(b)(3)(ii)-1): a busy
     * signal or a number not in service does not; a ring nobody answers, a voicemail (left or not)
     * and an answered call that drops do.
     */
    public boolean connected() {
        return this != BUSY && this != NOT_IN_SERVICE;
    }

    /** Nobody spoke on a call (China's "unanswered calls per number" counts these). */
    public boolean unanswered() {
        return this == NO_ANSWER || this == BUSY || this == NOT_IN_SERVICE || this == VOICEMAIL;
    }

    public boolean conversation() {
        return this == CONVERSATION_DEBTOR || this == CONVERSATION_THIRD_PARTY;
    }

    /** Information reached the person: a conversation, a voicemail or a delivered message. */
    public boolean communicated() {
        return conversation() || this == VOICEMAIL || this == DELIVERED || this == DROPPED;
    }
}
