package dev.recoup.shared;

import java.math.BigDecimal;

/**
 * Text ⇄ minor units, exact: "1234.5" with 2 decimals is 123450. Parsing is hand-written because
 * it runs for every amount of every imported row.
 */
public final class MinorUnits {

    private MinorUnits() {
    }

    /**
     * Parses a non-negative decimal amount with at most {@code decimals} digits after the point.
     *
     * @throws IllegalArgumentException with a reason fit to show a user
     */
    public static long parse(CharSequence text, int decimals) {
        int length = text.length();
        if (length == 0) {
            throw new IllegalArgumentException("empty amount");
        }
        long value = 0;
        int fractionDigits = -1;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (fractionDigits >= 0 || i == 0 || i == length - 1) {
                    throw new IllegalArgumentException("not a decimal number");
                }
                fractionDigits = 0;
            } else if (c >= '0' && c <= '9') {
                if (fractionDigits >= 0 && ++fractionDigits > decimals) {
                    throw new IllegalArgumentException("more than " + decimals + " decimals");
                }
                value = Math.addExact(Math.multiplyExact(value, 10), c - '0');
            } else if (c == '-' && i == 0) {
                throw new IllegalArgumentException("negative amount");
            } else {
                throw new IllegalArgumentException("not a decimal number");
            }
        }
        for (int i = Math.max(fractionDigits, 0); i < decimals; i++) {
            value = Math.multiplyExact(value, 10);
        }
        return value;
    }

    /** Formats minor units as a plain decimal ("123450" → "1234.50"). */
    public static String format(long minor, int decimals) {
        return BigDecimal.valueOf(minor, decimals).toPlainString();
    }
}
