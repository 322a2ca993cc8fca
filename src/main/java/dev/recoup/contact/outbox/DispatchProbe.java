package dev.recoup.contact.outbox;

/**
 * Called by the dispatcher after each step of sending one message. Production has none; tests put
 * one in that throws at a chosen step, which is how "the sender dies between steps" is simulated:
 * the exception leaves the dispatcher exactly where a killed process would leave the database.
 */
public interface DispatchProbe {

    enum Step {
        /** The row is SENDING under this dispatcher's lease (committed). */
        CLAIMED,
        /** The gate has answered; nothing written yet. */
        DECIDED,
        /** send_started_at and the ledger attempt are committed; the gateway has not been called. */
        SEND_STARTED,
        /** The gateway accepted the message; its id is not stored yet. */
        GATEWAY_ACCEPTED,
        /** SENT with the gateway's id is committed. */
        RECORDED
    }

    void reached(Step step, long messageId);
}
