package dev.recoup.payments.domain;

import dev.recoup.payments.AmountComponent;

import java.time.LocalDate;
import java.util.Comparator;

/**
 * What one instalment still owes, per component, while money is being allocated to it: a small
 * mutable working record (the allocator lowers it as it pays).
 */
public final class OpenInstalment {

    /** Oldest due date first, then by number: the order instalments are paid in. */
    public static final Comparator<OpenInstalment> OLDEST_FIRST = Comparator.comparing(OpenInstalment::dueDate).thenComparingInt(OpenInstalment::seq);

    private final int seq;
    private final LocalDate dueDate;
    private final long[] owed = new long[AmountComponent.values().length];

    public OpenInstalment(int seq, LocalDate dueDate, long fee, long penalty, long interest, long principal) {
        if (fee < 0 || penalty < 0 || interest < 0 || principal < 0) {
            throw new IllegalArgumentException("what an instalment owes cannot be negative");
        }
        this.seq = seq;
        this.dueDate = dueDate;
        owed[AmountComponent.FEE.ordinal()] = fee;
        owed[AmountComponent.PENALTY.ordinal()] = penalty;
        owed[AmountComponent.INTEREST.ordinal()] = interest;
        owed[AmountComponent.PRINCIPAL.ordinal()] = principal;
    }

    public int seq() {
        return seq;
    }

    public LocalDate dueDate() {
        return dueDate;
    }

    public long owed(AmountComponent component) {
        return owed[component.ordinal()];
    }

    public long owed() {
        long sum = 0;
        for (long o : owed) {
            sum += o;
        }
        return sum;
    }

    /** Pays up to {@code amount} of one component; returns what it took. */
    long pay(AmountComponent component, long amount) {
        long take = Math.min(amount, owed[component.ordinal()]);
        owed[component.ordinal()] -= take;
        return take;
    }
}
