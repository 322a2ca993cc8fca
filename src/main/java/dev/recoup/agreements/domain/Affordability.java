package dev.recoup.agreements.domain;

import java.util.List;

/**
 * The affordability check of a plan (R16) from the customer's declared monthly income and expenses.
 * Disposable income = income − expenses. The instalment tested is the plan's regular one — the
 * largest after the first payment, as a monthly amount (weekly × 52 ÷ 12, fortnightly × 26 ÷ 12);
 * the first payment is not tested, it usually comes from savings or family at signing.
 * <ul>
 *   <li>REFUSE when the disposable income is zero or less, or the regular instalment takes more
 *       than {@code maxSharePercent} % of it (default 100 %: the customer cannot pay it);</li>
 *   <li>WARN when it takes more than {@code warnSharePercent} % (default 50 %: little room for
 *       anything unexpected, a higher risk of breaking);</li>
 *   <li>OK otherwise.</li>
 * </ul>
 */
public record Affordability(int warnSharePercent, int maxSharePercent) {

    public static final Affordability DEFAULT = new Affordability(50, 100);

    public Affordability {
        if (warnSharePercent < 1 || maxSharePercent < warnSharePercent) {
            throw new IllegalArgumentException("affordability needs 1 <= warn-share-percent <= max-share-percent");
        }
    }

    public enum Verdict { OK, WARN, REFUSE }

    /**
     * @param code  NO_DISPOSABLE_INCOME, OVER_MAX_SHARE, OVER_WARN_SHARE or WITHIN_SHARE
     * @param shareBp the regular instalment as basis points of the disposable income (-1 when there is none)
     */
    public record Assessment(Verdict verdict, String code, long monthlyIncome, long monthlyExpenses, long disposable, long monthlyInstalment,
                             long shareBp, int warnSharePercent, int maxSharePercent) {

        /** The reason in English (the API's); pages show the same from their messages by {@link #code}. */
        public String reason() {
            return switch (code) {
                case "NO_DISPOSABLE_INCOME" -> "declared monthly expenses (" + monthlyExpenses + " fen) leave nothing of the monthly income ("
                        + monthlyIncome + " fen) to pay a plan";
                case "OVER_MAX_SHARE" -> "the regular instalment (" + monthlyInstalment + " fen a month) is " + shareBp / 100.0
                        + "% of the disposable income (" + disposable + " fen), more than the " + maxSharePercent + "% allowed";
                case "OVER_WARN_SHARE" -> "the regular instalment (" + monthlyInstalment + " fen a month) is " + shareBp / 100.0
                        + "% of the disposable income (" + disposable + " fen), more than " + warnSharePercent + "%: a high risk of breaking";
                default -> "the regular instalment (" + monthlyInstalment + " fen a month) is " + shareBp / 100.0
                        + "% of the disposable income (" + disposable + " fen)";
            };
        }
    }

    public Assessment assess(long monthlyIncome, long monthlyExpenses, List<ScheduledInstalment> schedule, Frequency frequency) {
        if (monthlyIncome < 0 || monthlyExpenses < 0) {
            throw new IllegalArgumentException("income and expenses are not negative");
        }
        long disposable = monthlyIncome - monthlyExpenses;
        long regular = schedule.stream().skip(1).mapToLong(ScheduledInstalment::amount).max().orElse(0);
        long monthly = frequency.monthlyEquivalent(regular);
        if (disposable <= 0) {
            return new Assessment(Verdict.REFUSE, "NO_DISPOSABLE_INCOME", monthlyIncome, monthlyExpenses, disposable, monthly, -1,
                    warnSharePercent, maxSharePercent);
        }
        long shareBp = Math.ceilDiv(Math.multiplyExact(monthly, 10_000L), disposable);
        if (monthly * 100 > disposable * maxSharePercent) {
            return new Assessment(Verdict.REFUSE, "OVER_MAX_SHARE", monthlyIncome, monthlyExpenses, disposable, monthly, shareBp,
                    warnSharePercent, maxSharePercent);
        }
        if (monthly * 100 > disposable * warnSharePercent) {
            return new Assessment(Verdict.WARN, "OVER_WARN_SHARE", monthlyIncome, monthlyExpenses, disposable, monthly, shareBp,
                    warnSharePercent, maxSharePercent);
        }
        return new Assessment(Verdict.OK, "WITHIN_SHARE", monthlyIncome, monthlyExpenses, disposable, monthly, shareBp, warnSharePercent,
                maxSharePercent);
    }
}
