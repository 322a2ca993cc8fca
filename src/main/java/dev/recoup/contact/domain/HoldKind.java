package dev.recoup.contact.domain;

/** Why contact is stopped or narrowed. Each pack decides which kinds it honours and with which exceptions. */
public enum HoldKind {
    /** A complaint about the collection is open (R14). */
    COMPLAINT_OPEN,
    /** The debtor disputes the debt and it is not yet verified. */
    DISPUTE_OPEN,
    DECEASED,
    /** Bankruptcy, insolvency proceedings or an individual voluntary arrangement. */
    BANKRUPT,
    /** A lawyer represents the debtor about the debt (Reg F §1006.6(b)(2)); ends when the lawyer consents or fails to respond. */
    ATTORNEY_REPRESENTS,
    /** The debtor refused to pay or asked us in writing to cease communication (Reg F §1006.6(c)). */
    CEASE_COMMUNICATION,
    /** The person asked us not to use a medium, or one number or address of it (Reg F §1006.14(h)). */
    MEDIUM_OPT_OUT,
    /** The employer forbids such contact at work (Reg F §1006.6(b)(3)); closes every work endpoint. */
    WORKPLACE_BAN,
    /** The person called a place inconvenient, e.g. home (Reg F §1006.6(b)(1)(ii)). */
    INCONVENIENT_PLACE,
    /** A debt-respite moratorium (England and Wales "breathing space"). */
    BREATHING_SPACE
}
