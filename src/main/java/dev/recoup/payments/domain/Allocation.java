package dev.recoup.payments.domain;

import dev.recoup.payments.AmountComponent;

import java.util.ArrayList;
import java.util.List;

/**
 * Pours an amount into what a schedule still owes, in an {@link AllocationOrder}: the one rule by
 * which payments, credit and adjustments pay instalments. Lines come out per instalment touched
 * (in the order first touched); what nothing needed is the rest, kept as the account's credit.
 * {@code sum(lines) + rest == amount}, always.
 *
 * @param lines what was paid, one line per instalment touched
 * @param rest  what no instalment needed
 */
public record Allocation(List<AllocationLine> lines, long rest) {

    public long allocated() {
        long sum = 0;
        for (AllocationLine line : lines) {
            sum += line.total();
        }
        return sum;
    }

    /**
     * @param schedule the open instalments, sorted {@link OpenInstalment#OLDEST_FIRST}; lowered by what is paid
     */
    public static Allocation pour(List<OpenInstalment> schedule, long amount, AllocationOrder order) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot allocate a negative amount");
        }
        int n = schedule.size();
        long[][] paid = new long[n][];
        long left = amount;
        if (order.sweep() == AllocationOrder.Sweep.INSTALMENT_FIRST) {
            for (int i = 0; i < n && left > 0; i++) {
                for (AmountComponent c : order.components()) {
                    left = take(schedule, paid, i, c, left);
                }
            }
        } else {
            for (AmountComponent c : order.components()) {
                for (int i = 0; i < n && left > 0; i++) {
                    left = take(schedule, paid, i, c, left);
                }
            }
        }
        return new Allocation(lines(schedule, paid), left);
    }

    /** Pays only one component, oldest instalment first (an adjustment such as a penalty waiver). */
    public static Allocation pourInto(List<OpenInstalment> schedule, AmountComponent component, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("cannot allocate a negative amount");
        }
        long[][] paid = new long[schedule.size()][];
        long left = amount;
        for (int i = 0; i < schedule.size() && left > 0; i++) {
            left = take(schedule, paid, i, component, left);
        }
        return new Allocation(lines(schedule, paid), left);
    }

    /** Credit a payment still holds (the part of it no instalment needed when it was posted). */
    public record HeldCredit(long paymentId, long amount) {
    }

    /** What some of a payment's credit paid. */
    public record CreditUse(long paymentId, Allocation allocation) {
    }

    /**
     * Lets held credit pay what the schedule owes, oldest credit first, each poured by the same order
     * as new money. Only credits that paid something are returned.
     *
     * @param credits oldest first
     */
    public static List<CreditUse> useCredits(List<OpenInstalment> schedule, List<HeldCredit> credits, AllocationOrder order) {
        List<CreditUse> uses = new ArrayList<>();
        for (HeldCredit credit : credits) {
            Allocation allocation = pour(schedule, credit.amount(), order);
            if (!allocation.lines().isEmpty()) {
                uses.add(new CreditUse(credit.paymentId(), allocation));
            }
        }
        return uses;
    }

    /** What a schedule still owes of one component. */
    public static long owed(List<OpenInstalment> schedule, AmountComponent component) {
        long sum = 0;
        for (OpenInstalment i : schedule) {
            sum += i.owed(component);
        }
        return sum;
    }

    private static long take(List<OpenInstalment> schedule, long[][] paid, int i, AmountComponent c, long left) {
        if (left == 0) {
            return 0;
        }
        long took = schedule.get(i).pay(c, left);
        if (took > 0) {
            if (paid[i] == null) {
                paid[i] = new long[AmountComponent.values().length];
            }
            paid[i][c.ordinal()] += took;
        }
        return left - took;
    }

    private static List<AllocationLine> lines(List<OpenInstalment> schedule, long[][] paid) {
        List<AllocationLine> lines = new ArrayList<>();
        for (int i = 0; i < paid.length; i++) {
            long[] p = paid[i];
            if (p != null) {
                lines.add(new AllocationLine(schedule.get(i).seq(), p[AmountComponent.FEE.ordinal()], p[AmountComponent.PENALTY.ordinal()],
                        p[AmountComponent.INTEREST.ordinal()], p[AmountComponent.PRINCIPAL.ordinal()]));
            }
        }
        return lines;
    }
}
