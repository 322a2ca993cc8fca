package dev.recoup.delinquency.domain;

/**
 * Delinquency buckets by days past due: M0 current, M1 1–30, M2 31–60 … M6 151–180, M7+ beyond.
 * Industry convention (003, 004): one bucket per started 30 days.
 */
public enum Bucket {
    M0("M0"), M1("M1"), M2("M2"), M3("M3"), M4("M4"), M5("M5"), M6("M6"), M7_PLUS("M7+");

    private final String code;

    Bucket(String code) {
        this.code = code;
    }

    public static Bucket ofDaysPastDue(int dpd) {
        if (dpd < 0) {
            throw new IllegalArgumentException("days past due cannot be negative: " + dpd);
        }
        if (dpd == 0) {
            return M0;
        }
        int bucket = (dpd + 29) / 30;
        return bucket >= 7 ? M7_PLUS : values()[bucket];
    }

    public static Bucket ofCode(String code) {
        for (Bucket b : values()) {
            if (b.code.equalsIgnoreCase(code)) {
                return b;
            }
        }
        throw new IllegalArgumentException("unknown bucket '" + code + "'; use one of M0, M1 … M6, M7+");
    }

    /** As shown to users and stored: "M0" … "M7+". */
    public String code() {
        return code;
    }
}
