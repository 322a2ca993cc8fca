package dev.recoup.access;

/**
 * National ID and phone numbers as the viewer may see them: masked (shared/Masking:
 * "110***********1234", "138****5678") for roles that may not see them in full. Revealing one in
 * full takes a reason and is audited.
 */
public interface PersonalData {

    String idNumber(Viewer viewer, String raw);

    String phone(Viewer viewer, String raw);

    /** Whether the viewer's roles see ID and phone numbers unmasked everywhere. */
    boolean seesUnmasked(Viewer viewer);

    /**
     * The customer's field ("idNumber" or "phone") in full, recorded in the audit log with the reason.
     * InvalidInputException for a blank reason or unknown field; ForbiddenException for roles that may
     * not reveal or a customer out of the viewer's case scope; NotFoundException for an unknown customer.
     */
    String reveal(Viewer viewer, long customerId, String field, String reason);
}
