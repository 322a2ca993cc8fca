package dev.recoup.contact.domain;

/** Why a contact is made. The purpose decides what third parties may be contacted for and which holds let it through. */
public enum Purpose {
    /** Asking for payment, negotiating: collection proper. */
    COLLECTION,
    /** A reminder of an amount due (first-day reminder, risk warning): collection too. */
    PAYMENT_REMINDER,
    /** A reminder of a promise to pay before its date: collection too. */
    PROMISE_REMINDER,
    /** Asking a third party to pass on a request that the debtor call back, without any detail of the debt. */
    CALL_BACK_REQUEST,
    /** Asking a third party for the debtor's place of abode, phone number or workplace (Reg F §1006.10, CONC tracing). */
    LOCATION_INFO,
    /** After a cease-communication notice: telling the person efforts stop or which remedy will be invoked (Reg F §1006.6(c)(2)). */
    CEASE_NOTICE,
    /** Confirming an opt-out, electronically, with nothing else in it (Reg F §1006.14(h)(2)(i)). */
    OPT_OUT_CONFIRMATION,
    /** Answering a complaint or a dispute (its outcome, the verification of the debt): not collection. */
    COMPLAINT_RESPONSE;

    /** Collection proper: never allowed towards a third party in any pack. */
    public boolean collects() {
        return this == COLLECTION || this == PAYMENT_REMINDER || this == PROMISE_REMINDER;
    }
}
