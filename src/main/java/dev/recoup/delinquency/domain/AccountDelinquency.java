package dev.recoup.delinquency.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How late one account is on a business date, and how it behaved before.
 *
 * <p>Only repayments made on or before the business date count. An instalment is overdue when its
 * due date is before the business date and it is not fully paid (on the due date itself it is
 * not yet late: DPD 0). DPD counts from the due date of the oldest instalment not fully paid.
 *
 * @param maxDaysLateSettled the most days any instalment that has since been paid in full was paid
 *                           after its due date (0 when always on time): the account's past, apart
 *                           from the current delinquency
 * @param repaymentsMade     how many repayments were made up to the business date
 * @param lastRepayments     up to the three most recent repayments, newest first
 */
public record AccountDelinquency(
        int daysPastDue,
        Bucket bucket,
        LocalDate oldestUnpaidDueDate,
        long overduePrincipal,
        long overdueInterest,
        long overdueFee,
        long overduePenalty,
        long outstanding,
        long paid,
        long credit,
        int maxDaysLateSettled,
        int repaymentsMade,
        List<Repayment> lastRepayments) {

    public long overdueTotal() {
        return overduePrincipal + overdueInterest + overdueFee + overduePenalty;
    }

    public boolean overdue() {
        return daysPastDue > 0;
    }

    public AccountStanding standing() {
        return new AccountStanding(daysPastDue, overdueTotal(), outstanding, maxDaysLateSettled, repaymentsMade, lastRepayments);
    }

    /** Replays the repayments made up to the business date on the schedule ({@link RepaymentWaterfall}) and assesses the result. */
    public static AccountDelinquency assess(List<Instalment> schedule, List<Repayment> repaymentsInOrder, LocalDate businessDate) {
        List<Repayment> counted = new ArrayList<>(repaymentsInOrder.size());
        for (Repayment r : repaymentsInOrder) {
            if (!r.paidOn().isAfter(businessDate)) {
                counted.add(r);
            }
        }
        RepaymentWaterfall.Result result = RepaymentWaterfall.apply(schedule, counted);
        return of(result.instalments(), result.totalPaid() - result.credit(), result.credit(), counted, businessDate);
    }

    /**
     * Assesses an account from what its instalments were paid (as allocated when the payments were
     * posted, ADR 0012) on the business date.
     *
     * @param paidSchedule every instalment with what payments and adjustments covered of it, any order
     * @param paid         money paid that went to instalments (payments up to the business date, less credit)
     * @param credit       money paid that no instalment needed
     * @param repayments   the repayments made up to the business date, in the order paid
     */
    public static AccountDelinquency of(List<PaidInstalment> paidSchedule, long paid, long credit, List<Repayment> repayments,
                                        LocalDate businessDate) {
        List<PaidInstalment> ordered = new ArrayList<>(paidSchedule);
        ordered.sort(Comparator.comparing((PaidInstalment p) -> p.instalment().dueDate()).thenComparingInt(p -> p.instalment().seq()));
        long principal = 0, interest = 0, fee = 0, penalty = 0, outstanding = 0;
        LocalDate oldestUnpaid = null;
        int maxDaysLate = 0;
        for (PaidInstalment p : ordered) {
            outstanding += p.unpaid();
            LocalDate due = p.instalment().dueDate();
            if (p.fullyPaid()) {
                if (p.settledOn() != null && p.settledOn().isAfter(due)) {
                    maxDaysLate = Math.max(maxDaysLate, (int) ChronoUnit.DAYS.between(due, p.settledOn()));
                }
            } else if (due.isBefore(businessDate)) {
                principal += p.unpaidPrincipal();
                interest += p.unpaidInterest();
                fee += p.unpaidFee();
                penalty += p.unpaidPenalty();
                if (oldestUnpaid == null) {
                    oldestUnpaid = due;
                }
            }
        }
        int dpd = oldestUnpaid == null ? 0 : (int) ChronoUnit.DAYS.between(oldestUnpaid, businessDate);
        return new AccountDelinquency(dpd, Bucket.ofDaysPastDue(dpd), oldestUnpaid, principal, interest, fee, penalty,
                outstanding, paid, credit, maxDaysLate, repayments.size(), newestFirst(repayments, 3));
    }

    private static List<Repayment> newestFirst(List<Repayment> inOrder, int count) {
        List<Repayment> sorted = new ArrayList<>(inOrder);
        sorted.sort(Comparator.comparing(Repayment::paidOn).reversed());
        return List.copyOf(sorted.subList(0, Math.min(count, sorted.size())));
    }
}
