package dev.recoup.contact.outbox;

/**
 * A send that did not end in an acceptance, classified by what it means for the message:
 * <ul>
 *   <li>{@link Kind#NOT_SENT}: certainly not handed over (no connection, bind refused, the gateway
 *       said "busy, try later" before taking it) — retried with back-off;</li>
 *   <li>{@link Kind#REJECTED}: the gateway refused this message for good (invalid number, mailbox
 *       does not exist) — FAILED, and the ledger attempt BOUNCED;</li>
 *   <li>{@link Kind#AMBIGUOUS}: it may have gone out (the connection broke or timed out after the
 *       message was written) — UNCERTAIN, never resent without a person deciding.</li>
 * </ul>
 */
public class GatewayException extends Exception {

    public enum Kind {
        NOT_SENT,
        REJECTED,
        AMBIGUOUS
    }

    private final Kind kind;

    public GatewayException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public static GatewayException notSent(String message, Throwable cause) {
        return new GatewayException(Kind.NOT_SENT, message, cause);
    }

    public static GatewayException rejected(String message, Throwable cause) {
        return new GatewayException(Kind.REJECTED, message, cause);
    }

    public static GatewayException ambiguous(String message, Throwable cause) {
        return new GatewayException(Kind.AMBIGUOUS, message, cause);
    }

    public Kind kind() {
        return kind;
    }
}
