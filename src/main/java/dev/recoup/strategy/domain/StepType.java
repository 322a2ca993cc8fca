package dev.recoup.strategy.domain;

/** What a treatment step asks for; each becomes a task of the same type (R9). */
public enum StepType {
    SMS, ROBOT_CALL, AGENT_CALL, EMAIL, LETTER, FIELD_VISIT, LAWYER_LETTER, PLACE_WITH_AGENCY, REFER_TO_LEGAL,
    /** Contact data to verify or repair (skip trace, R2). */
    VERIFY_CONTACT_DATA,
    /** A restructuring / instalment-plan offer (small-business route). */
    OFFER_RESTRUCTURING,
    /** Collateral to the judicial auction route (real-estate collateral). */
    JUDICIAL_AUCTION;

    /**
     * Whether the task contacts the debtor (or someone about the debt): such tasks are not created
     * for a case under a hold that stops contact (R10, R14). Placing with an agency, referring to
     * legal, verifying data and the auction route are work on the case, not contact.
     */
    public boolean contactsTheDebtor() {
        return switch (this) {
            case SMS, ROBOT_CALL, AGENT_CALL, EMAIL, LETTER, FIELD_VISIT, LAWYER_LETTER, OFFER_RESTRUCTURING -> true;
            case PLACE_WITH_AGENCY, REFER_TO_LEGAL, VERIFY_CONTACT_DATA, JUDICIAL_AUCTION -> false;
        };
    }
}
