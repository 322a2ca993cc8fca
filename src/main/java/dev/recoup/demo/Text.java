package dev.recoup.demo;

/** Formatting for the import format, by hand because it runs tens of millions of times. */
final class Text {

    private Text() {
    }

    /** Fen as yuan with two decimals: 123405 → "1234.05". */
    static String yuan(long fen) {
        if (fen < 0) {
            throw new IllegalArgumentException("negative amount " + fen);
        }
        long fraction = fen % 100;
        return (fen / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** A rate in units of 0.0001 as a decimal fraction: 1825 → "0.1825". */
    static String rate(int units) {
        if (units < 0 || units >= 10_000) {
            throw new IllegalArgumentException("rate out of range " + units);
        }
        String digits = Integer.toString(units);
        return "0." + "0000".substring(digits.length()) + digits;
    }

    /** {@code id("C", 42, 8)} → "C00000042"; wider numbers keep all their digits. */
    static String id(String prefix, long number, int width) {
        String digits = Long.toString(number);
        StringBuilder id = new StringBuilder(prefix.length() + Math.max(width, digits.length())).append(prefix);
        for (int i = digits.length(); i < width; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }
}
