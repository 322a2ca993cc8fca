package dev.recoup.dailyrun.persistence;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Reads the fields of one row of PostgreSQL's COPY text format (tab-separated, {@code \N} for
 * null) straight from its bytes. Only for numbers and ISO dates, which never need escaping;
 * parsing by hand keeps the daily run from spending its time in {@code String} and
 * {@code LocalDate.parse} for millions of rows.
 */
final class CopyRow implements AccountChunkAssessor.Row {

    static final long NULL = Long.MIN_VALUE;
    private byte[] row;
    private int position;

    CopyRow reset(byte[] row) {
        this.row = row;
        this.position = 0;
        return this;
    }

    /** The next field as a long, or {@link #NULL}. */
    @Override
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

    int nextInt() {
        return (int) nextLong();
    }

    /** The next field, an ISO date (yyyy-MM-dd), as epoch days, or {@link #NULL}. */
    @Override
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
        return LocalDate.of(year, month, day).toEpochDay();
    }

    private boolean isNull() {
        if (position + 1 < row.length && row[position] == '\\' && row[position + 1] == 'N') {
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
