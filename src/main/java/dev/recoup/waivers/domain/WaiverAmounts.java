package dev.recoup.waivers.domain;

import dev.recoup.shared.InvalidInputException;

/**
 * What a waiver or settlement forgives, per component, in fen, and — for a settlement — what the
 * customer pays. Principal is never forgiven except in a settlement (R17).
 */
public record WaiverAmounts(WaiverKind kind, long fee, long penalty, long interest, long principal, Long settlementAmount) {

    public WaiverAmounts {
        if (kind == null) {
            throw new InvalidInputException("kind", null, "kind is WAIVER or SETTLEMENT");
        }
        check("feeFen", fee);
        check("penaltyFen", penalty);
        check("interestFen", interest);
        check("principalFen", principal);
        if (principal > 0 && kind != WaiverKind.SETTLEMENT) {
            throw new InvalidInputException("principalFen", Long.toString(principal),
                    "principal is never waived, except in a settlement approved at a level that allows it (本金不得减免，经审批的和解结清除外)");
        }
        if (kind == WaiverKind.SETTLEMENT) {
            if (settlementAmount == null) {
                throw new InvalidInputException("settlementAmountFen", null, "a settlement says what the customer pays (和解需写明客户支付金额)");
            }
            check("settlementAmountFen", settlementAmount);
        } else if (settlementAmount != null) {
            throw new InvalidInputException("settlementAmountFen", settlementAmount.toString(), "only a settlement has a settlement amount");
        }
        if (fee + penalty + interest + principal <= 0) {
            throw new InvalidInputException("amounts", "0", "a waiver forgives something: give feeFen, penaltyFen, interestFen"
                    + (kind == WaiverKind.SETTLEMENT ? " or principalFen" : "") + " above zero");
        }
    }

    private static void check(String field, long value) {
        if (value < 0) {
            throw new InvalidInputException(field, Long.toString(value), field + " is not negative");
        }
    }

    public long total() {
        return fee + penalty + interest + principal;
    }

    public boolean touchesPrincipal() {
        return principal > 0;
    }
}
