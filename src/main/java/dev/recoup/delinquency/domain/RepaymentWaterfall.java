package dev.recoup.delinquency.domain;

import dev.recoup.payments.domain.Allocation;
import dev.recoup.payments.domain.AllocationLine;
import dev.recoup.payments.domain.AllocationOrder;
import dev.recoup.payments.domain.OpenInstalment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Replays repayments on a schedule from nothing, one after the other, by the allocation rule of
 * R18 ({@link Allocation}, the same code that allocates a payment when it is posted): by default
 * each payment goes to the oldest instalment not yet fully paid, and within an instalment to fees,
 * then penalty, then interest, then principal. What is left after the last instalment is kept as
 * a credit, never lost.
 *
 * <p>The daily run does not replay: it reads the allocations the payments module recorded when
 * each payment was posted (ADR 0012). A replay gives the same result as long as payments were
 * posted in the order they were paid and none was reversed; it serves tests and what-if views.
 */
public final class RepaymentWaterfall {

    private RepaymentWaterfall() {
    }

    public record Result(List<PaidInstalment> instalments, long credit) {

        public long totalPaid() {
            long sum = credit;
            for (PaidInstalment p : instalments) {
                sum += p.paid();
            }
            return sum;
        }
    }

    /**
     * @param schedule   instalments in any order; applied oldest due date first (then by seq)
     * @param repayments in the order they were paid (same-day payments keep their given order)
     */
    public static Result apply(List<Instalment> schedule, List<Repayment> repayments) {
        return apply(schedule, repayments, AllocationOrder.DEFAULT);
    }

    public static Result apply(List<Instalment> schedule, List<Repayment> repayments, AllocationOrder order) {
        List<Instalment> ordered = new ArrayList<>(schedule);
        ordered.sort(Comparator.comparing(Instalment::dueDate).thenComparingInt(Instalment::seq));
        int n = ordered.size();
        List<OpenInstalment> open = new ArrayList<>(n);
        for (Instalment i : ordered) {
            open.add(new OpenInstalment(i.seq(), i.dueDate(), i.fee(), i.penalty(), i.interest(), i.principal()));
        }
        long[] fee = new long[n], penalty = new long[n], interest = new long[n], principal = new long[n];
        LocalDate[] settledOn = new LocalDate[n];
        long credit = 0;
        for (Repayment repayment : repayments) {
            Allocation allocation = Allocation.pour(open, repayment.amount(), order);
            for (AllocationLine line : allocation.lines()) {
                int k = indexOf(ordered, line.seq());
                fee[k] += line.fee();
                penalty[k] += line.penalty();
                interest[k] += line.interest();
                principal[k] += line.principal();
                if (open.get(k).owed() == 0) {
                    settledOn[k] = repayment.paidOn();
                }
            }
            credit += allocation.rest();
        }
        List<PaidInstalment> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new PaidInstalment(ordered.get(i), fee[i], penalty[i], interest[i], principal[i], settledOn[i]));
        }
        return new Result(List.copyOf(result), credit);
    }

    private static int indexOf(List<Instalment> ordered, int seq) {
        for (int k = 0; k < ordered.size(); k++) {
            if (ordered.get(k).seq() == seq) {
                return k;
            }
        }
        throw new IllegalStateException("no instalment " + seq);
    }
}
