package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.ImportReport;
import dev.recoup.portfolio.PortfolioImported;
import dev.recoup.portfolio.imports.ImportRun.PreparedSource;
import dev.recoup.portfolio.imports.ImportRun.Tally;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.PortfolioWriteLock;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Runs imports: checks every file's header before touching the database, then applies all
 * files in one transaction holding the portfolio write lock shared (and the import lock
 * exclusively: one import at a time), and keeps the report.
 */
@Service
public class ImportService {

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final BusinessClock clock;
    private final ImportProperties properties;
    private final ImportReports reports;
    private final ApplicationEventPublisher events;

    ImportService(DataSource dataSource, JdbcClient jdbc, PlatformTransactionManager transactionManager, BusinessClock clock,
                  ImportProperties properties, ImportReports reports, ApplicationEventPublisher events) {
        this.dataSource = dataSource;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.properties = properties;
        this.reports = reports;
        this.events = events;
    }

    /**
     * Imports the sources, whatever order they come in, and returns the report.
     *
     * @param ignoredSheets workbook sheets that were not read, to say so in the report
     * @throws InvalidInputException when a file is unusable as a whole (nothing changes then)
     * @throws ConflictException     when a daily run is reading the portfolio
     */
    public ImportReport run(List<ImportSource> sources, List<String> ignoredSheets, String requestedBy) {
        try {
            if (sources.isEmpty()) {
                String sheets = ignoredSheets.isEmpty() ? "" : " (sheets found: " + String.join(", ", ignoredSheets) + ")";
                throw new InvalidInputException("file", null, "nothing to import: no file, sheet or array is named like a kind ("
                        + ImportKind.allKeys() + ")" + sheets);
            }
            List<PreparedSource> prepared = prepare(sources);
            long importId = transaction.execute(status -> apply(prepared, ignoredSheets, requestedBy));
            return reports.report(importId);
        } catch (UnusableFileException e) {
            throw new InvalidInputException("file", e.file(), e.getMessage());
        }
    }

    /** Numbers the sources in dependency order and checks their headers, so a bad header costs no database work. */
    private List<PreparedSource> prepare(List<ImportSource> sources) {
        List<ImportSource> ordered = sources.stream().sorted(Comparator.comparing(ImportSource::kind)).toList();
        List<PreparedSource> prepared = new ArrayList<>();
        for (ImportSource source : ordered) {
            var layout = StagedKind.of(source.kind(), properties.currencies()).layout();
            try (RowStream rows = source.open(layout)) {
                prepared.add(new PreparedSource(prepared.size() + 1, source, HeaderMapping.of(source, rows.header(), layout)));
            } catch (IOException e) {
                throw new UnusableFileException(source.label(), "unreadable (" + e.getMessage() + ")", e);
            }
        }
        return prepared;
    }

    private long apply(List<PreparedSource> sources, List<String> ignoredSheets, String requestedBy) {
        // Another import first: wait for it (new rows go in with plain INSERTs, see StagedKind.insertNew).
        // Only then the daily run, which is not waited for; taking the locks in this order, a
        // waiting import does not hold the daily run up.
        jdbc.sql("select pg_advisory_xact_lock(?)").param(PortfolioWriteLock.IMPORT_KEY).query(rs -> {
        });
        Boolean locked = jdbc.sql("select pg_try_advisory_xact_lock_shared(?)").param(PortfolioWriteLock.KEY)
                .query(Boolean.class).single();
        if (!Boolean.TRUE.equals(locked)) {
            throw new ConflictException("a daily run is reading the portfolio; try again in a minute");
        }
        OffsetDateTime now = clock.zonedNow().toOffsetDateTime();
        long importId = jdbc.sql("""
                        insert into portfolio_import (requested_by, started_at, ignored_sheets)
                        values (?, ?, ?) returning id""")
                .params(requestedBy, now, textArray(ignoredSheets))
                .query(Long.class).single();
        for (PreparedSource s : sources) {
            jdbc.sql("""
                            insert into portfolio_import_file (import_id, file_no, kind, file_name, sheet_name, ignored_columns)
                            values (?, ?, ?, ?, ?, ?)""")
                    .params(importId, s.fileNo(), s.source().kind().key(), s.source().file(), s.source().sheet(),
                            textArray(s.header().ignoredColumns()))
                    .update();
        }
        Map<Integer, Tally> tallies = new ImportRun(jdbc, copyManager(), importId, now, properties.currencies()).apply(sources);
        tallies.forEach((fileNo, tally) -> {
            var counts = tally.counts();
            jdbc.sql("""
                            update portfolio_import_file set rows_read = ?, rows_accepted = ?, rows_rejected = ?,
                                   rows_inserted = ?, rows_updated = ?, rows_unchanged = ?
                            where import_id = ? and file_no = ?""")
                    .params(counts.read(), counts.accepted(), counts.rejected(), counts.inserted(), counts.updated(),
                            counts.unchanged(), importId, fileNo)
                    .update();
        });
        // Inside the transaction: what other modules derive from the portfolio (payment allocations) commits with it.
        events.publishEvent(new PortfolioImported(importId, now, sources.stream().map(s -> s.source().kind()).collect(Collectors.toSet())));
        jdbc.sql("update portfolio_import set finished_at = ? where id = ?")
                .params(clock.zonedNow().toOffsetDateTime(), importId).update();
        return importId;
    }

    private CopyManager copyManager() {
        try {
            return DataSourceUtils.getConnection(dataSource).unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("imports need a PostgreSQL connection", e);
        }
    }

    private static String[] textArray(List<String> values) {
        return values.stream().map(ImportRun::shorten).toArray(String[]::new);
    }
}
