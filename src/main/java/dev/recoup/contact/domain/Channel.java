package dev.recoup.contact.domain;

/**
 * How a contact is made. Inbound contacts (the person calls or writes to us) are ledger entries
 * with {@link Direction#INBOUND} on the channel of their medium (an inbound call is
 * {@code AGENT_CALL}, inbound); only outbound contacts go through the gate.
 */
public enum Channel {
    AGENT_CALL(Medium.TELEPHONE),
    /** An automated call: a robot dialogue or a ringless voicemail — a telephone call for every pack. */
    ROBOT_CALL(Medium.TELEPHONE),
    SMS(Medium.TEXT_MESSAGE),
    EMAIL(Medium.EMAIL),
    LETTER(Medium.MAIL),
    VISIT(Medium.IN_PERSON);

    private final Medium medium;

    Channel(Medium medium) {
        this.medium = medium;
    }

    public Medium medium() {
        return medium;
    }

    public boolean isCall() {
        return medium == Medium.TELEPHONE;
    }
}
