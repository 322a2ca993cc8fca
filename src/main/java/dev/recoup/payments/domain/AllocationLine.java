package dev.recoup.payments.domain;

import dev.recoup.payments.AmountComponent;

/** What one payment (or adjustment) paid of one instalment, per component, in fen. */
public record AllocationLine(int seq, long fee, long penalty, long interest, long principal) {

    public long total() {
        return fee + penalty + interest + principal;
    }

    public long of(AmountComponent component) {
        return switch (component) {
            case FEE -> fee;
            case PENALTY -> penalty;
            case INTEREST -> interest;
            case PRINCIPAL -> principal;
        };
    }
}
