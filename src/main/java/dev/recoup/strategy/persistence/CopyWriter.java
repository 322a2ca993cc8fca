package dev.recoup.strategy.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Builds rows in PostgreSQL's COPY text format; text is escaped (segment codes and queues are user data). */
final class CopyWriter {

    private final StringBuilder line = new StringBuilder(128);
    private final ByteArrayOutputStream out;
    private int rows;
    private boolean firstField = true;

    CopyWriter(int expectedBytes) {
        this.out = new ByteArrayOutputStream(Math.max(expectedBytes, 1024));
    }

    CopyWriter add(long value) {
        separate();
        line.append(value);
        return this;
    }

    /** Null-safe: {@code \N} for null. */
    CopyWriter add(LocalDate value) {
        separate();
        if (value == null) {
            line.append("\\N");
        } else {
            line.append(value);
        }
        return this;
    }

    CopyWriter addNullable(Long value) {
        separate();
        if (value == null) {
            line.append("\\N");
        } else {
            line.append(value.longValue());
        }
        return this;
    }

    /** Null-safe text with backslash, tab, newline and carriage return escaped. */
    CopyWriter add(String value) {
        separate();
        if (value == null) {
            line.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
        return this;
    }

    void end() {
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
        firstField = true;
        rows++;
    }

    int rows() {
        return rows;
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    private void separate() {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
    }
}
