package dev.recoup.shared;

import java.nio.charset.StandardCharsets;

/**
 * Reads the fields of one row of PostgreSQL's COPY text format (tab-separated, {@code \N} for
 * null, backslash escapes) straight from its bytes: numbers and ISO dates without going through
 * {@code String}, text fields unescaped. The daily run and the strategy step read millions of rows this way.
 */
public final class CopyRowReader {

    public static final long NULL = Long.MIN_VALUE;
    private byte[] row;
    private int position;

    public CopyRowReader reset(byte[] row) {
        this.row = row;
        this.position = 0;
        return this;
    }

    /** The next field as a long, or {@link #NULL}. */
    public long nextLong() {
        if (isNull()) {
            return NULL;
        }
        long value = 0;
        boolean negative = false;
        if (row[position] == '-') {
            negative = true;
            position++;
        }
        while (position < row.length && row[position] != '\t' && row[position] != '\n') {
            value = value * 10 + (row[position++] - '0');
        }
        position++;
        return negative ? -value : value;
    }

    public int nextInt() {
        return (int) nextLong();
    }

    /** The next field, an ISO date (yyyy-MM-dd), as epoch days, or {@link #NULL}. */
    public long nextEpochDay() {
        if (isNull()) {
            return NULL;
        }
        int year = digits(4);
        position++;
        int month = digits(2);
        position++;
        int day = digits(2);
        position++;
        return java.time.LocalDate.of(year, month, day).toEpochDay();
    }

    /** The next field as text with COPY's escapes undone, or null. */
    public String nextText() {
        if (isNull()) {
            return null;
        }
        int start = position;
        boolean escaped = false;
        while (position < row.length && row[position] != '\t' && row[position] != '\n') {
            if (row[position] == '\\') {
                escaped = true;
                position++;
            }
            position++;
        }
        int end = Math.min(position, row.length);
        position++;
        if (!escaped) {
            return new String(row, start, end - start, StandardCharsets.UTF_8);
        }
        byte[] plain = new byte[end - start];
        int n = 0;
        for (int i = start; i < end; i++) {
            byte b = row[i];
            if (b == '\\' && i + 1 < end) {
                byte e = row[++i];
                plain[n++] = switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'v' -> 0x0b;
                    default -> e;
                };
            } else {
                plain[n++] = b;
            }
        }
        return new String(plain, 0, n, StandardCharsets.UTF_8);
    }

    private boolean isNull() {
        if (position + 1 < row.length && row[position] == '\\' && row[position + 1] == 'N'
                && (position + 2 >= row.length || row[position + 2] == '\t' || row[position + 2] == '\n')) {
            position += 3;
            return true;
        }
        return false;
    }

    private int digits(int count) {
        int value = 0;
        for (int i = 0; i < count; i++) {
            value = value * 10 + (row[position++] - '0');
        }
        return value;
    }

    @Override
    public String toString() {
        return new String(row, StandardCharsets.UTF_8);
    }
}
