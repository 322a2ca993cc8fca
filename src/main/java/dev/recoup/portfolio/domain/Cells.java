package dev.recoup.portfolio.domain;

import dev.recoup.shared.MinorUnits;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * The cells of one row, by column of a {@link Layout}, read as typed values. Every reading
 * method returns null for an empty or unreadable cell and records why the row cannot be accepted,
 * so one pass over a row reports all its problems, not only the first.
 *
 * <p>One instance is reused for every row of a file: rows arrive by the million.
 */
public final class Cells {

    /** Longest text accepted in a cell; longer is almost surely a broken file (a missing quote). */
    public static final int MAX_TEXT = 1000;
    /** Longest id of the lender's (customer_id, account_id, ...). */
    public static final int MAX_KEY = 100;
    private static final long MICROS_PER_UNIT = 1_000_000;

    private final Layout layout;
    private final List<Problem> problems = new ArrayList<>();
    private String[] values;

    public Cells(Layout layout) {
        this.layout = layout;
    }

    /** Starts a new row: {@code valuesByColumn[i]} is the cell of column i, null when absent. */
    public void load(String[] valuesByColumn) {
        if (valuesByColumn.length != layout.size()) {
            throw new IllegalArgumentException("expected " + layout.size() + " values, got " + valuesByColumn.length);
        }
        this.values = valuesByColumn;
        problems.clear();
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    /** The cell as read, blanks around it removed; empty when absent. */
    public String raw(Column column) {
        String value = values[column.index()];
        return value == null ? "" : value.strip();
    }

    public void reject(Column column, ReasonCode code, Object... args) {
        problems.add(new Problem(column, column == null ? null : raw(column), code,
                Arrays.stream(args).map(String::valueOf).toList()));
    }

    /** Rejects the row as a whole (no single column is at fault). */
    public void rejectRow(ReasonCode code, Object... args) {
        problems.add(new Problem(null, null, code, Arrays.stream(args).map(String::valueOf).toList()));
    }

    /** Free text; null when empty. */
    public String text(Column column) {
        return text(column, MAX_TEXT);
    }

    /** One of the lender's ids: text of at most {@value #MAX_KEY} characters. */
    public String key(Column column) {
        return text(column, MAX_KEY);
    }

    private String text(Column column, int maxLength) {
        String value = raw(column);
        if (value.isEmpty()) {
            if (column.required()) {
                reject(column, ReasonCode.REQUIRED);
            }
            return null;
        }
        if (value.length() > maxLength) {
            reject(column, ReasonCode.TOO_LONG, maxLength);
            return null;
        }
        if (value.indexOf('\0') >= 0) {
            reject(column, ReasonCode.CONTROL_CHARACTER);
            return null;
        }
        return value;
    }

    /** A date written yyyy-MM-dd, between 1900 and 2199. */
    public LocalDate date(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (value.length() != 10 || value.charAt(4) != '-' || value.charAt(7) != '-'
                || !digits(value, 0, 4) || !digits(value, 5, 7) || !digits(value, 8, 10)) {
            reject(column, ReasonCode.NOT_A_DATE);
            return null;
        }
        LocalDate date;
        try {
            date = LocalDate.of(Integer.parseInt(value, 0, 4, 10), Integer.parseInt(value, 5, 7, 10),
                    Integer.parseInt(value, 8, 10, 10));
        } catch (DateTimeException e) {
            reject(column, ReasonCode.NOT_A_DATE);
            return null;
        }
        if (date.getYear() < 1900 || date.getYear() > 2199) {
            reject(column, ReasonCode.DATE_OUT_OF_RANGE);
            return null;
        }
        return date;
    }

    /** An amount of yuan with at most two decimals, as fen; zero is fine. */
    public Long amount(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (value.startsWith("-")) {
            reject(column, ReasonCode.NEGATIVE_AMOUNT);
            return null;
        }
        int point = value.indexOf('.');
        if (point >= 0 && value.length() - point - 1 > 2 && digits(value, point + 1, value.length())) {
            reject(column, ReasonCode.TOO_MANY_DECIMALS, 2);
            return null;
        }
        try {
            return MinorUnits.parse(value, 2);
        } catch (ArithmeticException e) {
            reject(column, ReasonCode.AMOUNT_TOO_LARGE);
        } catch (IllegalArgumentException e) {
            reject(column, ReasonCode.NOT_AN_AMOUNT);
        }
        return null;
    }

    /** An amount that must be more than zero (what was paid). */
    public Long positiveAmount(Column column) {
        Long amount = amount(column);
        if (amount != null && amount == 0) {
            reject(column, ReasonCode.AMOUNT_NOT_POSITIVE);
            return null;
        }
        return amount;
    }

    /**
     * A yearly rate as a decimal fraction from 0 to 1 with at most six decimals: 0.18 is 18% a
     * year. Anything above 1, or written with %, was meant as a percentage.
     */
    public BigDecimal rate(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (value.endsWith("%")) {
            reject(column, ReasonCode.RATE_LOOKS_LIKE_PERCENTAGE);
            return null;
        }
        int point = value.indexOf('.');
        if (point >= 0 && value.length() - point - 1 > 6 && digits(value, point + 1, value.length())) {
            reject(column, ReasonCode.TOO_MANY_DECIMALS, 6);
            return null;
        }
        long micros;
        try {
            micros = MinorUnits.parse(value, 6);
        } catch (ArithmeticException e) {
            reject(column, ReasonCode.RATE_LOOKS_LIKE_PERCENTAGE);
            return null;
        } catch (IllegalArgumentException e) {
            reject(column, ReasonCode.NOT_A_RATE);
            return null;
        }
        if (micros > MICROS_PER_UNIT) {
            reject(column, ReasonCode.RATE_LOOKS_LIKE_PERCENTAGE);
            return null;
        }
        return BigDecimal.valueOf(micros, 6);
    }

    /** A whole number from 1 (an instalment's sequence). */
    public Integer positiveWholeNumber(Column column) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (value.length() > 9 || !digits(value, 0, value.length())) {
            reject(column, ReasonCode.NOT_A_POSITIVE_WHOLE_NUMBER);
            return null;
        }
        int number = Integer.parseInt(value);
        if (number < 1) {
            reject(column, ReasonCode.NOT_A_POSITIVE_WHOLE_NUMBER);
            return null;
        }
        return number;
    }

    /** One of a set of words, in its canonical spelling. */
    public String choice(Column column, Choices choices) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        String canonical = choices.lookUp(value);
        if (canonical == null) {
            reject(column, ReasonCode.UNKNOWN_VALUE, choices.allowed());
        }
        return canonical;
    }

    /** true or false (any case); {@code whenEmpty} when the cell is empty. */
    public Boolean bool(Column column, boolean whenEmpty) {
        String value = text(column);
        if (value == null) {
            return whenEmpty;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        if (value.equalsIgnoreCase("false")) {
            return false;
        }
        reject(column, ReasonCode.BOOLEAN_INVALID);
        return null;
    }

    /** A value with a check of its own ({@link IdNumber#parse}, {@link PhoneNumber#parse}, ...). */
    public <T> T checked(Column column, Function<String, Checked<T>> check) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        Checked<T> outcome = check.apply(value);
        if (outcome instanceof Checked.Invalid<T>(ReasonCode code, List<String> args)) {
            reject(column, code, args.toArray());
            return null;
        }
        return outcome.value();
    }

    private static boolean digits(String s, int from, int to) {
        if (from >= to) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
