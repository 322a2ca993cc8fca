package dev.recoup.payments;

/**
 * Adjustments reduce what an account owes without money: an approved waiver or settlement (R17)
 * posts one here. They are allocated like payments (to instalment components), so the daily run
 * and the account's balance see them at once.
 */
public interface Adjustments {

    /**
     * Posts an adjustment, joining the caller's transaction. Idempotent per (sourceKind, sourceId,
     * component): posting the same again returns the first adjustment and changes nothing.
     *
     * @throws dev.recoup.shared.InvalidInputException when the amount exceeds what that component still owes
     */
    PostedAdjustment post(AdjustmentRequest request);

    /**
     * @param sourceKind e.g. {@code WAIVER}, {@code SETTLEMENT}
     * @param sourceId   the id of the waiver or settlement in its own module
     */
    record AdjustmentRequest(long accountId, AmountComponent component, long amountFen, String reason, String sourceKind, long sourceId,
                             String postedBy) {
    }

    record PostedAdjustment(long adjustmentId, boolean created) {
    }
}
