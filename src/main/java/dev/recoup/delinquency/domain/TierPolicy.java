package dev.recoup.delinquency.domain;

/**
 * Classifies an overdue customer into a tier (R4).
 *
 * <ul>
 *   <li>DPD 1–30 with a <b>good history</b> → T1; DPD 1–30 otherwise → T2 (a person should call);</li>
 *   <li>DPD 31–90 → T2; 91–180 → T3; above 180 → T4.</li>
 * </ul>
 * A <b>good history</b> needs all of:
 * <ol>
 *   <li>at least {@code minRepayments} repayment made before (a first-payment default is a warning
 *       sign, not a good history);</li>
 *   <li>no instalment ever paid more than {@code maxDaysLateSettled} days after its due date;</li>
 *   <li>the last three repayments not {@link RepaymentTrend.Direction#DECLINING} (paying less or later);</li>
 *   <li>an overdue amount of at most {@code robotMaxOverdueMinor}: large sums get a person, not a robot.</li>
 * </ol>
 * Age and occupation do not move the tier here; they are case attributes strategies can use.
 */
public record TierPolicy(int minRepayments, int maxDaysLateSettled, long robotMaxOverdueMinor) {

    /** Defaults: one repayment made, never more than 30 days late, at most 50,000 yuan overdue. */
    public static final TierPolicy DEFAULT = new TierPolicy(1, 30, 5_000_000L);

    public Tier classify(int worstDaysPastDue, boolean goodHistory) {
        if (worstDaysPastDue <= 0) {
            throw new IllegalArgumentException("only overdue customers have a tier");
        }
        if (worstDaysPastDue <= 30) {
            return goodHistory ? Tier.T1 : Tier.T2;
        }
        if (worstDaysPastDue <= 90) {
            return Tier.T2;
        }
        if (worstDaysPastDue <= 180) {
            return Tier.T3;
        }
        return Tier.T4;
    }

    public boolean goodHistory(int repaymentsMade, int maxDaysLateSettled, RepaymentTrend trend, long overdueMinor) {
        return repaymentsMade >= minRepayments
                && maxDaysLateSettled <= this.maxDaysLateSettled
                && trend.direction() != RepaymentTrend.Direction.DECLINING
                && overdueMinor <= robotMaxOverdueMinor;
    }
}
