package dev.recoup.strategy.persistence;

import dev.recoup.shared.CopyRowWriter;

import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * Writes what the strategy step decided, inside the daily run's transaction: the published
 * {@code case_segment} replaced whole (TRUNCATE and one COPY — every row changes every day, as
 * evaluated_on does, and a COPY into an emptied table beats updating 650k rows in place; FREEZE,
 * allowed as the table was emptied in the same transaction, spares the first readers writing hint
 * bits), the day's
 * segment moves (replacing an earlier run of the same date) and the experiment arms of cases seen
 * for the first time.
 */
@Component
public class SegmentWriter {

    private final JdbcClient jdbc;

    public SegmentWriter(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows of case_segment: case, version, arm, segment, queue, entered, evaluated, run, prior version, prior segment, prior entered, prior evaluated. */
    public static Rows segmentRows(int expectedRows) {
        return new Rows(new CopyRowWriter(expectedRows * 64));
    }

    /** Rows of case_segment_change: case, date, run, from, to, version. */
    public static Rows changeRows(int expectedRows) {
        return new Rows(new CopyRowWriter(expectedRows * 40));
    }

    /** Rows of case_experiment_arm: case, experiment, arm, entered, overdue at entry. */
    public static Rows armRows(int expectedRows) {
        return new Rows(new CopyRowWriter(expectedRows * 32));
    }

    /** A COPY buffer being filled. */
    public static final class Rows {
        private final CopyRowWriter writer;

        Rows(CopyRowWriter writer) {
            this.writer = writer;
        }

        public Rows add(long value) {
            writer.add(value);
            return this;
        }

        public Rows add(String value) {
            writer.add(value);
            return this;
        }

        public Rows add(LocalDate value) {
            writer.add(value);
            return this;
        }

        /** {@link OpenCaseReader#NULL} as SQL null. */
        public Rows addNullable(long value) {
            writer.add(value == OpenCaseReader.NULL ? null : (Object) value);
            return this;
        }

        public Rows addEpochDay(long epochDay) {
            writer.add(epochDay == OpenCaseReader.NULL ? null : LocalDate.ofEpochDay(epochDay));
            return this;
        }

        public void end() {
            writer.end();
        }

        public int size() {
            return (int) writer.rows();
        }
    }

    public void write(CopyManager copy, LocalDate date, Rows segments, Rows changes, Rows arms) {
        jdbc.sql("truncate case_segment").update();
        // Rows arrive in no order: one sorted index build after the COPY beats 650k random index inserts.
        jdbc.sql("alter table case_segment drop constraint case_segment_pkey").update();
        copyIn(copy, "copy case_segment (case_id, strategy_version_id, experiment_arm, segment_code, queue, entered_on, evaluated_on, run_id,"
                + " prior_strategy_version_id, prior_segment_code, prior_entered_on, prior_evaluated_on) from stdin (freeze)", segments);
        jdbc.sql("alter table case_segment add constraint case_segment_pkey primary key (case_id)").update();
        jdbc.sql("analyze case_segment").update();
        jdbc.sql("delete from case_segment_change where business_date = ?").param(date).update();
        copyIn(copy, "copy case_segment_change (case_id, business_date, run_id, from_segment, to_segment, strategy_version_id) from stdin",
                changes);
        copyIn(copy, "copy case_experiment_arm (case_id, experiment_id, arm, entered_on, overdue_at_entry) from stdin", arms);
    }

    private static void copyIn(CopyManager copy, String sql, Rows rows) {
        if (rows.size() == 0) {
            return;
        }
        try {
            copy.copyIn(sql, new ByteArrayInputStream(rows.writer.bytes()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Writing strategy results failed (" + sql + "): " + e.getMessage(), e);
        }
    }
}
