package dev.recoup.workbench;

/**
 * What came of a call, in the agent's words (disposition codes; labels: messages
 * {@code workbench.disposition.<CODE>}). The ledger records the technical outcome (conversation with
 * the debtor, no answer …); the disposition says where the talk went.
 *
 * @param needsConversation only possible after speaking to someone
 */
public enum Disposition {
    PROMISE_TO_PAY(true),
    PAID_ALREADY(true),
    FINANCIAL_HARDSHIP(true),
    WILL_PAY_LATER(true),
    REFUSED_TO_PAY(true),
    DISPUTES_DEBT(true),
    CALL_BACK_LATER(true),
    MESSAGE_LEFT_WITH_THIRD_PARTY(true),
    NOT_REACHED(false),
    WRONG_NUMBER(false);

    private final boolean needsConversation;

    Disposition(boolean needsConversation) {
        this.needsConversation = needsConversation;
    }

    public boolean needsConversation() {
        return needsConversation;
    }
}
