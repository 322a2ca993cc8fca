package dev.recoup.payments.persistence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * PostgreSQL's COPY text format for the payments module's bulk paths: reading the fields of one row
 * (numbers and ISO dates parsed from the bytes, text unescaped) and writing rows (text escaped).
 */
final class CopyFields {

    static final long NULL = Long.MIN_VALUE;

    private CopyFields() {
    }

    /** One row being read, field by field. */
    static final class Reader {
        private byte[] row;
        private int position;

        Reader reset(byte[] row) {
            this.row = row;
            this.position = 0;
            return this;
        }

        long nextLong() {
            if (isNull()) {
                return NULL;
            }
            long value = 0;
            boolean negative = row[position] == '-';
            if (negative) {
                position++;
            }
            while (position < row.length && row[position] != '\t' && row[position] != '\n') {
                value = value * 10 + (row[position++] - '0');
            }
            position++;
            return negative ? -value : value;
        }

        /** An ISO date as epoch days, or {@link #NULL}. */
        long nextEpochDay() {
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

        String nextText() {
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
            String raw = new String(row, start, position - start, StandardCharsets.UTF_8);
            position++;
            return escaped ? unescape(raw) : raw;
        }

        private static String unescape(String raw) {
            StringBuilder out = new StringBuilder(raw.length());
            for (int i = 0; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '\\' && i + 1 < raw.length()) {
                    char n = raw.charAt(++i);
                    out.append(switch (n) {
                        case 't' -> '\t';
                        case 'n' -> '\n';
                        case 'r' -> '\r';
                        default -> n;
                    });
                } else {
                    out.append(c);
                }
            }
            return out.toString();
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
    }

    /** Rows being written into a buffer. */
    static final class Writer {
        private final StringBuilder line = new StringBuilder(256);
        private final ByteArrayOutputStream out;
        private boolean started;

        Writer(ByteArrayOutputStream out) {
            this.out = out;
        }

        Writer number(long value) {
            separate();
            line.append(value);
            return this;
        }

        Writer nullableNumber(Long value) {
            separate();
            if (value == null) {
                line.append("\\N");
            } else {
                line.append(value.longValue());
            }
            return this;
        }

        Writer date(LocalDate value) {
            separate();
            line.append(value == null ? "\\N" : value.toString());
            return this;
        }

        Writer text(String value) {
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

        Writer raw(String value) {
            separate();
            line.append(value);
            return this;
        }

        void end() {
            line.append('\n');
            out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
            line.setLength(0);
            started = false;
        }

        private void separate() {
            if (started) {
                line.append('\t');
            }
            started = true;
        }
    }
}
