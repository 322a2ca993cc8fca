package dev.recoup.delinquency.domain;

import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What the last three repayments say about a customer's finances (seed 000: "关注借款人最近三次还款
 * 的金额波动与时间变化"). Two readings:
 * <ul>
 *   <li><b>variation</b>: the spread of the three amounts, as the coefficient of variation
 *       (population standard deviation ÷ mean) in basis points; 0 = identical amounts;</li>
 *   <li><b>direction</b>: DECLINING when the newest amount is below 80% of the mean of the two
 *       before it, or the gap between payments grew by more than 15 days (paying less, or later);
 *       RISING when the newest is above 120% of that mean; otherwise STEADY. Fewer than three
 *       repayments: INSUFFICIENT.</li>
 * </ul>
 */
public record RepaymentTrend(Direction direction, int variationBasisPoints) {

    public enum Direction { STEADY, RISING, DECLINING, INSUFFICIENT }

    static final double DECLINE_RATIO = 0.8;
    static final double RISE_RATIO = 1.2;
    static final int STRETCHED_GAP_DAYS = 15;

    /** @param newestFirst the customer's repayments, most recent first (only the first three are read) */
    public static RepaymentTrend of(List<Repayment> newestFirst) {
        if (newestFirst.size() < 3) {
            return new RepaymentTrend(Direction.INSUFFICIENT, 0);
        }
        Repayment newest = newestFirst.get(0), middle = newestFirst.get(1), oldest = newestFirst.get(2);
        double a = newest.amount(), b = middle.amount(), c = oldest.amount();
        double mean = (a + b + c) / 3;
        double variance = ((a - mean) * (a - mean) + (b - mean) * (b - mean) + (c - mean) * (c - mean)) / 3;
        int variation = (int) Math.round(Math.sqrt(variance) / mean * 10_000);

        double earlierMean = (b + c) / 2;
        long recentGap = ChronoUnit.DAYS.between(middle.paidOn(), newest.paidOn());
        long earlierGap = ChronoUnit.DAYS.between(oldest.paidOn(), middle.paidOn());
        Direction direction;
        if (a < DECLINE_RATIO * earlierMean || recentGap > earlierGap + STRETCHED_GAP_DAYS) {
            direction = Direction.DECLINING;
        } else if (a > RISE_RATIO * earlierMean) {
            direction = Direction.RISING;
        } else {
            direction = Direction.STEADY;
        }
        return new RepaymentTrend(direction, variation);
    }
}
