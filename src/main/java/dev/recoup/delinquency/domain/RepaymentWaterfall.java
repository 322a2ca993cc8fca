package dev.recoup.delinquency.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies repayments to a schedule in the allocation order of R18: each payment, in the order
 * paid, goes to the oldest instalment not yet fully paid, and within an instalment to fees, then
 * penalty, then interest, then principal. What is left after the last instalment is kept as a
 * credit, never lost.
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
        List<Instalment> ordered = new ArrayList<>(schedule);
        ordered.sort(Comparator.comparing(Instalment::dueDate).thenComparingInt(Instalment::seq));
        int n = ordered.size();
        long[] fee = new long[n];
        long[] penalty = new long[n];
        long[] interest = new long[n];
        long[] principal = new long[n];
        LocalDate[] settledOn = new LocalDate[n];
        int current = 0;
        long credit = 0;
        for (Repayment repayment : repayments) {
            long left = repayment.amount();
            while (left > 0 && current < n) {
                Instalment due = ordered.get(current);
                long pay;
                pay = Math.min(left, due.fee() - fee[current]);
                fee[current] += pay;
                left -= pay;
                pay = Math.min(left, due.penalty() - penalty[current]);
                penalty[current] += pay;
                left -= pay;
                pay = Math.min(left, due.interest() - interest[current]);
                interest[current] += pay;
                left -= pay;
                pay = Math.min(left, due.principal() - principal[current]);
                principal[current] += pay;
                left -= pay;
                if (fee[current] + penalty[current] + interest[current] + principal[current] == due.total()) {
                    settledOn[current] = due.total() == 0 ? null : repayment.paidOn();
                    current++;
                }
            }
            credit += left;
        }
        List<PaidInstalment> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(new PaidInstalment(ordered.get(i), fee[i], penalty[i], interest[i], principal[i], settledOn[i]));
        }
        return new Result(List.copyOf(result), credit);
    }
}
