package dev.recoup.shared;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Writes rows in PostgreSQL's COPY text format — tab between fields, {@code \N} for null, text with
 * its backslash, tab, newline and carriage return escaped — for the bulk paths (the daily run, task
 * creation, segments, allocation) that move hundreds of thousands of rows with one COPY.
 */
public final class CopyRowWriter {

    private final StringBuilder line = new StringBuilder(256);
    private final ByteArrayOutputStream out;
    private boolean firstField = true;
    private long rows;

    public CopyRowWriter(int expectedBytes) {
        this(new ByteArrayOutputStream(Math.max(expectedBytes, 1024)));
    }

    /** Rows go to {@code out}, which the caller sends and resets itself. */
    public CopyRowWriter(ByteArrayOutputStream out) {
        this.out = out;
    }

    public CopyRowWriter add(long value) {
        separate();
        line.append(value);
        return this;
    }

    public CopyRowWriter add(boolean value) {
        separate();
        line.append(value ? 't' : 'f');
        return this;
    }

    /** Null-safe ({@code \N}); numbers and dates as they print, anything else as escaped text. */
    public CopyRowWriter add(Object value) {
        separate();
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof Number || value instanceof LocalDate) {
            line.append(value);
        } else {
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
        }
        return this;
    }

    public void end() {
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
        firstField = true;
        rows++;
    }

    public long rows() {
        return rows;
    }

    public int bufferedBytes() {
        return out.size();
    }

    public byte[] bytes() {
        return out.toByteArray();
    }

    /** The rows written since the last call; forgets them. */
    public byte[] drain() {
        byte[] bytes = out.toByteArray();
        out.reset();
        return bytes;
    }

    /**
     * COPYs the rows into {@code table (columns)} on the current transaction's connection (the daily
     * run's, when called from it — never a second connection); returns the rows copied.
     */
    public long copyInto(DataSource dataSource, String tableAndColumns) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new ByteArrayInputStream(out.toByteArray()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void separate() {
        if (!firstField) {
            line.append('\t');
        }
        firstField = false;
    }
}
