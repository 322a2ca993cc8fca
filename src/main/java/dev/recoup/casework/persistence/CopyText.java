package dev.recoup.casework.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes rows in PostgreSQL's COPY text format: tab between fields, {@code \N} for null, and the
 * escapes text needs (backslash, tab, newline, carriage return) — task fields are free text.
 */
final class CopyText {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
    private final StringBuilder line = new StringBuilder(256);

    CopyText add(long value) {
        separate();
        line.append(value);
        return this;
    }

    CopyText add(Object value) {
        separate();
        if (value == null) {
            line.append("\\N");
            return this;
        }
        String text = value.toString();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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

    void endRow() {
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
    }

    int bufferedBytes() {
        return out.size();
    }

    /** The rows written since the last call, and forgets them. */
    byte[] drain() {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }

    private void separate() {
        if (!line.isEmpty()) {
            line.append('\t');
        }
    }
}
