package dev.recoup.portfolio.imports;

import org.postgresql.copy.CopyManager;
import org.postgresql.copy.PGCopyOutputStream;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;

/**
 * Rows streamed into PostgreSQL with {@code COPY ... FROM STDIN} in text format: tab between
 * values, newline after each row, {@code \N} for null, backslash escapes. The server parses while
 * the client is still writing, which keeps both cores busy.
 */
final class CopyText implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final PGCopyOutputStream copy;
    private final Writer out;
    private boolean rowStarted;
    private boolean finished;

    CopyText(CopyManager copyManager, String copySql) {
        try {
            this.copy = new PGCopyOutputStream(copyManager.copyIn(copySql), BUFFER);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start " + copySql, e);
        }
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    }

    CopyText text(String value) {
        separate();
        try {
            if (value == null) {
                out.write("\\N");
            } else {
                escape(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    CopyText number(long value) {
        return raw(Long.toString(value));
    }

    CopyText number(Long value) {
        return value == null ? text(null) : number(value.longValue());
    }

    CopyText date(LocalDate value) {
        return value == null ? text(null) : raw(value.toString());
    }

    CopyText bool(boolean value) {
        return raw(value ? "t" : "f");
    }

    /** A text[] value: {@code {"a","b"}}. */
    CopyText array(List<String> values) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                literal.append(',');
            }
            literal.append('"');
            String v = values.get(i);
            for (int j = 0; j < v.length(); j++) {
                char c = v.charAt(j);
                if (c == '"' || c == '\\') {
                    literal.append('\\');
                }
                literal.append(c);
            }
            literal.append('"');
        }
        return text(literal.append('}').toString());
    }

    /** A value needing no escapes (digits, dates). */
    private CopyText raw(String value) {
        separate();
        try {
            out.write(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void endRow() {
        try {
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rowStarted = false;
    }

    /** Ends the COPY; the rows are in the table. */
    long finish() {
        try {
            out.flush();
            finished = true;
            return copy.endCopy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY failed", e);
        }
    }

    /** Cancels an unfinished COPY, so that the connection can roll back. */
    @Override
    public void close() {
        if (!finished && copy.isActive()) {
            try {
                copy.cancelCopy();
            } catch (SQLException e) {
                // The transaction is lost anyway; the original failure is the one to report.
            }
        }
    }

    private void separate() {
        try {
            if (rowStarted) {
                out.write('\t');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        rowStarted = true;
    }

    private void escape(String value) throws IOException {
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String escaped = switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> null;
            };
            if (escaped != null) {
                out.write(value, from, i - from);
                out.write(escaped);
                from = i + 1;
            }
        }
        out.write(value, from, value.length() - from);
    }
}
