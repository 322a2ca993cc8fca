package dev.recoup.dailyrun.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/** Builds rows in PostgreSQL's COPY text format (numbers, dates and plain codes only). */
final class CopyLine {

    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream out;

    CopyLine(ByteArrayOutputStream out) {
        this.out = out;
    }

    CopyLine add(long value) {
        separate();
        line.append(value);
        return this;
    }

    CopyLine add(boolean value) {
        separate();
        line.append(value ? 't' : 'f');
        return this;
    }

    /** Null-safe: writes {@code \N} for null. */
    CopyLine add(Object value) {
        separate();
        if (value == null) {
            line.append("\\N");
        } else {
            line.append(value instanceof LocalDate date ? date.toString() : value.toString());
        }
        return this;
    }

    void end() {
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    private void separate() {
        if (!line.isEmpty()) {
            line.append('\t');
        }
    }
}
