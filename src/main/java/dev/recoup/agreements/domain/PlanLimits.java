package dev.recoup.agreements.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * A product's limits for instalment plans (R16: at most 12 instalments, a first payment of at least
 * 20 % of the total). A plan beyond them is not refused: it waits for approval.
 */
public record PlanLimits(int maxInstalments, int minFirstPaymentPercent) {

    public static final PlanLimits R16 = new PlanLimits(12, 20);

    public PlanLimits {
        if (maxInstalments < 1 || maxInstalments > InstalmentCalculator.MAX_INSTALMENTS) {
            throw new IllegalArgumentException("max-instalments must be 1–" + InstalmentCalculator.MAX_INSTALMENTS + ", not " + maxInstalments);
        }
        if (minFirstPaymentPercent < 0 || minFirstPaymentPercent > 100) {
            throw new IllegalArgumentException("min-first-payment-percent must be 0–100, not " + minFirstPaymentPercent);
        }
    }

    /** A limit a plan goes beyond: a code, and the limit and the plan's value (instalments, or fen for the first payment). */
    public record Breach(String code, long limit, long value) {
        public static final String TOO_MANY_INSTALMENTS = "TOO_MANY_INSTALMENTS";
        public static final String FIRST_PAYMENT_TOO_SMALL = "FIRST_PAYMENT_TOO_SMALL";

        public String describe() {
            return code.equals(TOO_MANY_INSTALMENTS)
                    ? value + " instalments, more than the product's limit of " + limit
                    : "a first payment of " + value + " fen, less than the product's minimum of " + limit + " fen";
        }
    }

    public List<Breach> breaches(List<ScheduledInstalment> schedule) {
        long total = schedule.stream().mapToLong(ScheduledInstalment::amount).sum();
        List<Breach> breaches = new ArrayList<>();
        if (schedule.size() > maxInstalments) {
            breaches.add(new Breach(Breach.TOO_MANY_INSTALMENTS, maxInstalments, schedule.size()));
        }
        long minFirst = InstalmentCalculator.minimumFirstPayment(total, minFirstPaymentPercent);
        if (schedule.getFirst().amount() < minFirst) {
            breaches.add(new Breach(Breach.FIRST_PAYMENT_TOO_SMALL, minFirst, schedule.getFirst().amount()));
        }
        return List.copyOf(breaches);
    }

    /** The stricter of two products' limits (a plan over accounts of several products meets them all). */
    public PlanLimits stricter(PlanLimits other) {
        return new PlanLimits(Math.min(maxInstalments, other.maxInstalments), Math.max(minFirstPaymentPercent, other.minFirstPaymentPercent));
    }
}
