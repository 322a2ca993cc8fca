package dev.recoup.allocation.persistence;

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
 * Rows in PostgreSQL's COPY text format, sent with one COPY on the current transaction's connection
 * (the daily run's, when called from it — never a second connection).
 */
final class CopyWriter {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    private final StringBuilder line = new StringBuilder(256);
    private long rows;

    CopyWriter add(long value) {
        separate();
        line.append(value);
        return this;
    }

    /** Null-safe; text is escaped (backslash, tab, newline, carriage return). */
    CopyWriter add(Object value) {
        separate();
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof LocalDate || value instanceof Number) {
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

    void end() {
        line.append('\n');
        out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
        line.setLength(0);
        rows++;
    }

    long rows() {
        return rows;
    }

    /** COPYs the rows into {@code table (columns)}. */
    long copyInto(DataSource dataSource, String tableAndColumns) {
        if (rows == 0) {
            return 0;
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + tableAndColumns + " from stdin", new ByteArrayInputStream(out.toByteArray()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY into " + tableAndColumns + " failed", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private void separate() {
        if (!line.isEmpty()) {
            line.append('\t');
        }
    }
}
