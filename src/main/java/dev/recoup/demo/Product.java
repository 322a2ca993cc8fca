package dev.recoup.demo;

/**
 * The four products of the import format, with the ranges the generator draws from. Amounts are
 * in fen; rates in units of 0.0001 (1825 = 0.1825 = 18.25% a year).
 */
enum Product {
    /** Online consumer loan, equal monthly instalments (等额本息), 3–24 months. */
    CONSUMER_LOAN("consumer_loan", 1_000_00, 50_000_00, 100_00, 1000, 2400, 0,
            Weighted.of(3, 10, 6, 25, 9, 10, 12, 35, 18, 8, 24, 12)),
    /** Revolving card balance, monthly minimum-payment statements, no maturity. */
    CREDIT_CARD("credit_card", 3_000_00, 100_000_00, 1, 1500, 1825, 6, null),
    /** Small-business loan, 12–36 months, equal instalments or interest-only with the principal at the end. */
    SME_LOAN("sme_loan", 100_000_00, 3_000_000_00L, 10_000_00, 600, 1200, 12,
            Weighted.of(12, 40, 24, 35, 36, 25)),
    /** Mortgage or car loan, 5–30 years, equal instalments. */
    SECURED_LOAN("secured_loan", 200_000_00, 5_000_000_00L, 10_000_00, 400, 600, 6,
            Weighted.of(60, 10, 120, 20, 180, 15, 240, 25, 300, 10, 360, 20));

    final String code;
    final long minPrincipal;
    final long maxPrincipal;
    final long principalStep;
    final int minRate;
    final int maxRate;
    /**
     * Months of settled history the lender sends: schedule rows (and the payments that settled
     * them) older than this are left out when they were all paid on time; 0 = the whole schedule.
     */
    final int historyMonths;
    private final Weighted<Integer> terms;

    Product(String code, long minPrincipal, long maxPrincipal, long principalStep, int minRate, int maxRate,
            int historyMonths, Weighted<Integer> terms) {
        this.code = code;
        this.minPrincipal = minPrincipal;
        this.maxPrincipal = maxPrincipal;
        this.principalStep = principalStep;
        this.minRate = minRate;
        this.maxRate = maxRate;
        this.historyMonths = historyMonths;
        this.terms = terms;
    }

    /**
     * A term of at least {@code atLeast} months when the product has one (a 3-month loan cannot
     * be 5 months behind in part-payments); 0 for a revolving card.
     */
    int drawTerm(DemoRandom random, int atLeast) {
        if (terms == null) {
            return 0;
        }
        int longest = 0;
        for (int i = 0; i < 32; i++) {
            int term = terms.draw(random);
            if (term >= atLeast) {
                return term;
            }
            longest = Math.max(longest, term);
        }
        return Math.max(longest, atLeast);
    }
}
