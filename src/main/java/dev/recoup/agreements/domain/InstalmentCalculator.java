package dev.recoup.agreements.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a plan's total into instalments, in whole fen that always add up to the total exactly (R16).
 * The first payment is the one asked for; without one it is the larger of the product's minimum
 * first payment and an equal share. The rest is shared equally over the other instalments; the fen
 * that do not divide go one each to the earliest of them, so no two later instalments differ by
 * more than one fen and nothing is left over.
 */
public final class InstalmentCalculator {

    /** No plan, even with approval, has more instalments than this (five years of monthly payments). */
    public static final int MAX_INSTALMENTS = 60;

    private InstalmentCalculator() {
    }

    /**
     * @param minFirstPaymentPercent the product's minimum first payment, used only to choose a first payment when none is given
     * @throws InvalidInputException naming the field when the terms cannot make a schedule
     */
    public static List<ScheduledInstalment> schedule(PlanTerms terms, int minFirstPaymentPercent) {
        if (terms.total() <= 0) {
            throw new InvalidInputException("totalMinor", String.valueOf(terms.total()), "the total must be at least 1 fen");
        }
        int n = terms.instalments();
        if (n < 1 || n > MAX_INSTALMENTS) {
            throw new InvalidInputException("instalments", String.valueOf(n), "a plan has 1 to " + MAX_INSTALMENTS + " instalments");
        }
        if (terms.startOn() == null) {
            throw new InvalidInputException("startDate", null, "the date of the first payment is required (YYYY-MM-DD)");
        }
        if (terms.frequency() == null) {
            throw new InvalidInputException("frequency", null, "the frequency is required: WEEKLY, FORTNIGHTLY or MONTHLY");
        }
        if (n > terms.total()) {
            throw new InvalidInputException("instalments", String.valueOf(n), "every instalment must be at least 1 fen: at most " + terms.total()
                    + " instalments for this total");
        }
        long first = terms.firstPayment() != null ? terms.firstPayment() : defaultFirstPayment(terms.total(), n, minFirstPaymentPercent);
        if (n == 1 && first != terms.total()) {
            throw new InvalidInputException("firstPaymentMinor", String.valueOf(first), "a plan of one instalment pays the whole total ("
                    + terms.total() + " fen) at once");
        }
        if (first < 1 || first > terms.total() - (n - 1)) {
            throw new InvalidInputException("firstPaymentMinor", String.valueOf(first), "the first payment must be between 1 fen and "
                    + (terms.total() - (n - 1)) + " fen, leaving at least 1 fen for each other instalment");
        }
        List<ScheduledInstalment> schedule = new ArrayList<>(n);
        schedule.add(new ScheduledInstalment(1, terms.startOn(), first));
        int others = n - 1;
        if (others > 0) {
            long rest = terms.total() - first;
            long share = rest / others;
            long leftOver = rest % others;
            for (int i = 0; i < others; i++) {
                int seq = i + 2;
                schedule.add(new ScheduledInstalment(seq, terms.frequency().dueOn(terms.startOn(), seq), share + (i < leftOver ? 1 : 0)));
            }
        }
        return List.copyOf(schedule);
    }

    /** The least first payment the product asks for: {@code percent} % of the total, rounded up to the fen. */
    public static long minimumFirstPayment(long total, int percent) {
        return Math.ceilDiv(Math.multiplyExact(total, percent), 100);
    }

    /** The larger of the minimum first payment and an equal share, leaving 1 fen at least for every other instalment. */
    static long defaultFirstPayment(long total, int instalments, int minFirstPaymentPercent) {
        if (instalments == 1) {
            return total;
        }
        long first = Math.max(minimumFirstPayment(total, minFirstPaymentPercent), Math.ceilDiv(total, instalments));
        return Math.min(first, total - (instalments - 1));
    }
}
