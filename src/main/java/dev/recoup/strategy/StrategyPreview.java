package dev.recoup.strategy;

import dev.recoup.casework.CaseQueries;
import dev.recoup.strategy.domain.CompiledStrategy;
import dev.recoup.strategy.domain.StrategyDefinition;
import dev.recoup.strategy.persistence.OpenCaseReader;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Service;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * "Which cases would fall in which segment today": evaluates a version over every open case of the
 * current run (the latest completed daily run) without writing anything — the same single read as
 * the daily step, so it takes seconds at 650k cases.
 */
@Service
public class StrategyPreview {

    private final StrategyCatalogue catalogue;
    private final CaseQueries cases;
    private final OpenCaseReader reader;
    private final DataSource dataSource;

    public StrategyPreview(StrategyCatalogue catalogue, CaseQueries cases, OpenCaseReader reader, DataSource dataSource) {
        this.catalogue = catalogue;
        this.cases = cases;
        this.reader = reader;
        this.dataSource = dataSource;
    }

    public record SegmentCount(int position, String code, String nameZh, String nameEn, String queue, long cases, long overdueMinor) {
    }

    /**
     * @param unmatched open cases no segment's condition holds for (position 0, code null)
     * @param runId     the run whose open cases were evaluated; null before the first run
     */
    public record Preview(long strategyVersionId, String strategyCode, int version, Long runId, LocalDate runBusinessDate, LocalDate date,
                          long openCases, long overdueMinor, List<SegmentCount> segments, SegmentCount unmatched, long millis) {
    }

    /** @param date the day to evaluate for (age, days in stage); null for the current run's business date */
    public Preview preview(String code, int version, LocalDate date) {
        long started = System.nanoTime();
        StrategyVersion v = catalogue.version(code, version);
        CompiledStrategy compiled = catalogue.compiled(v);
        List<StrategyDefinition.Segment> segments = v.definition().segments();
        long[] counts = new long[segments.size() + 1], overdue = new long[segments.size() + 1];
        var run = cases.currentRun();
        LocalDate on = date != null ? date : run.map(CaseQueries.CurrentRun::businessDate).orElse(null);
        if (run.isPresent()) {
            long today = on.toEpochDay();
            try (Connection connection = dataSource.getConnection()) {
                // A read-only transaction of its own, so the larger work_mem ends with it.
                connection.setAutoCommit(false);
                connection.setReadOnly(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("set local work_mem = '256MB'");
                }
                reader.read(connection.unwrap(PGConnection.class).getCopyAPI(), run.get().id(), on, null, c -> {
                    int days = c.hasSegmentRow() ? (int) Math.max(0, today - c.enteredOn) : 0;
                    int segment = compiled.segmentOf(c.attributes(days));
                    int slot = segment + 1;
                    counts[slot]++;
                    overdue[slot] += c.overdue;
                });
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(true);
            } catch (SQLException e) {
                throw new IllegalStateException("Preview failed: " + e.getMessage(), e);
            }
        }
        List<SegmentCount> out = new ArrayList<>();
        long totalCases = 0, totalOverdue = 0;
        for (int i = 0; i < segments.size(); i++) {
            StrategyDefinition.Segment s = segments.get(i);
            out.add(new SegmentCount(i + 1, s.code(), s.nameZh(), s.nameEn(), s.queue(), counts[i + 1], overdue[i + 1]));
        }
        for (int i = 0; i < counts.length; i++) {
            totalCases += counts[i];
            totalOverdue += overdue[i];
        }
        return new Preview(v.id(), v.strategyCode(), v.version(), run.map(CaseQueries.CurrentRun::id).orElse(null),
                run.map(CaseQueries.CurrentRun::businessDate).orElse(null), on, totalCases, totalOverdue, out,
                new SegmentCount(0, null, "未匹配任何细分", "no segment matched", null, counts[0], overdue[0]),
                (System.nanoTime() - started) / 1_000_000);
    }
}
