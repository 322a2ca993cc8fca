package dev.recoup.contact.domain;

/** Who received a consent. Regulation F honours only consent given directly to the collector (comment 6(b)(4)(i)-2) or a court's permission. */
public enum ConsentSource {
    /** Given by the person directly to us (on a call, in writing, through our portal). */
    DEBTOR_DIRECT,
    /** Recorded by the creditor or a previous collector and handed over with the file. */
    VIA_CREDITOR,
    /** The express permission of a court (Reg F §1006.6(b)(4)(ii)). */
    COURT
}
