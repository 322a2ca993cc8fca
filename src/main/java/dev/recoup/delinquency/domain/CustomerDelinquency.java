package dev.recoup.delinquency.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A customer's position across all their accounts: the worst DPD decides the bucket; the tier
 * follows {@link TierPolicy}; the repayment trend reads the customer's last three repayments on
 * any account.
 *
 * @param tier null when nothing is overdue
 */
public record CustomerDelinquency(int worstDaysPastDue, Bucket bucket, long overdueTotal, long outstanding,
                                  int accounts, int overdueAccounts, boolean goodHistory, RepaymentTrend trend, Tier tier) {

    public boolean overdue() {
        return worstDaysPastDue > 0;
    }

    public static CustomerDelinquency of(List<AccountStanding> accounts, TierPolicy policy) {
        int worst = 0, overdueAccounts = 0, repaymentsMade = 0, maxDaysLate = 0;
        long overdue = 0, outstanding = 0;
        List<Repayment> recent = new ArrayList<>();
        for (AccountStanding a : accounts) {
            worst = Math.max(worst, a.daysPastDue());
            overdueAccounts += a.daysPastDue() > 0 ? 1 : 0;
            overdue += a.overdueTotal();
            outstanding += a.outstanding();
            repaymentsMade += a.repaymentsMade();
            maxDaysLate = Math.max(maxDaysLate, a.maxDaysLateSettled());
            recent.addAll(a.lastRepayments());
        }
        recent.sort(Comparator.comparing(Repayment::paidOn).reversed());
        RepaymentTrend trend = RepaymentTrend.of(recent.subList(0, Math.min(3, recent.size())));
        boolean good = policy.goodHistory(repaymentsMade, maxDaysLate, trend, overdue);
        Tier tier = worst > 0 ? policy.classify(worst, good) : null;
        return new CustomerDelinquency(worst, Bucket.ofDaysPastDue(worst), overdue, outstanding, accounts.size(),
                overdueAccounts, good, trend, tier);
    }
}
