package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.ImportReport.Counts;
import dev.recoup.portfolio.domain.Cells;
import dev.recoup.portfolio.domain.Problem;
import dev.recoup.portfolio.domain.ReasonCode;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One import inside its transaction: for each kind in dependency order, stream the rows of its
 * files through the checks into a staging table with COPY, then reject duplicates and rows whose
 * customer or account does not exist, then update the changed rows and insert the new ones (one
 * MERGE, or a plain INSERT when the table is empty, with the table's foreign keys dropped and
 * added again around it) — all set-based, no round trip per row.
 * Rejections found in Java are buffered a few thousand at a time and copied into the rejection
 * table, so memory stays bounded however many rows fail.
 */
final class ImportRun {

    private static final Logger log = LoggerFactory.getLogger(ImportRun.class);

    /** Rejections held before they are copied to the database. */
    private static final int REJECTION_BATCH = 5_000;

    private final JdbcClient jdbc;
    private final CopyManager copyManager;
    private final long importId;
    private final OffsetDateTime now;
    private final List<String> currencies;
    private final List<Rejected> pendingRejections = new ArrayList<>();

    /** A rejection found while reading, waiting to be copied. */
    private record Rejected(int fileNo, long rowNo, Problem problem) {
    }

    /** A source with its number in the import and its header checked. */
    record PreparedSource(int fileNo, ImportSource source, HeaderMapping header) {
    }

    /** Counts of one file as they accumulate. */
    static final class Tally {
        long read;
        long rejected;
        long inserted;
        long updated;

        Counts counts() {
            long accepted = read - rejected;
            return new Counts(read, accepted, rejected, inserted, updated, accepted - inserted - updated);
        }
    }

    ImportRun(JdbcClient jdbc, CopyManager copyManager, long importId, OffsetDateTime now, List<String> currencies) {
        this.jdbc = jdbc;
        this.copyManager = copyManager;
        this.importId = importId;
        this.now = now;
        this.currencies = currencies;
    }

    /** Applies the sources (already in dependency order); returns the counts per file number. */
    Map<Integer, Tally> apply(List<PreparedSource> sources) {
        Map<Integer, Tally> tallies = new HashMap<>();
        sources.forEach(s -> tallies.put(s.fileNo(), new Tally()));
        for (ImportKind kind : ImportKind.values()) {
            List<PreparedSource> ofKind = sources.stream().filter(s -> s.source().kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                applyKind(StagedKind.of(kind, currencies), ofKind, tallies);
            }
        }
        return tallies;
    }

    private void applyKind(StagedKind staged, List<PreparedSource> sources, Map<Integer, Tally> tallies) {
        long start = System.nanoTime();
        jdbc.sql(staged.createStaging()).update();
        for (PreparedSource source : sources) {
            stage(staged, source, tallies.get(source.fileNo()));
        }
        long stagedAt = System.nanoTime();
        // Temporary tables are never analysed by autovacuum; without statistics the joins below
        // would be planned blind. Only the columns joined and grouped on matter.
        jdbc.sql("analyze " + staged.stagingTable() + " (" + String.join(", ", staged.analysedColumns()) + ")").update();
        long analysed = System.nanoTime();
        addRejected(tallies, jdbc.sql(staged.rejectDuplicates())
                .param("importId", importId)
                .param("columnNo", staged.keyColumn().index())
                .param("columnName", staged.keyColumn().name())
                .param("keyDescription", staged.keyDescription()));
        long deduplicated = System.nanoTime();
        if (staged.parent() != null) {
            addRejected(tallies, jdbc.sql(staged.rejectMissingParents())
                    .param("importId", importId)
                    .param("columnNo", staged.parent().reportColumn().index())
                    .param("columnName", staged.parent().reportColumn().name())
                    .param("code", staged.parent().code().key()));
        }
        long referenced = System.nanoTime();
        boolean targetEmpty = jdbc.sql(staged.targetIsEmpty()).query(Boolean.class).single();
        long keysAdded = 0;
        if (targetEmpty) {
            String insert = staged.insertIntoEmpty();
            List<ForeignKey> foreignKeys = dropForeignKeys(staged.upsert().table());
            for (PreparedSource source : sources) {
                tallies.get(source.fileNo()).inserted = jdbc.sql(insert).param("now", now).param("fileNo", source.fileNo()).update();
            }
            long inserted = System.nanoTime();
            addForeignKeys(staged.upsert().table(), foreignKeys);
            keysAdded = System.nanoTime() - inserted;
        } else {
            jdbc.sql(staged.merge()).param("now", now).query(rs -> {
                Tally tally = tallies.get(rs.getInt("file_no"));
                tally.inserted = rs.getLong("inserted");
                tally.updated = rs.getLong("updated");
            });
        }
        jdbc.sql("drop table " + staged.stagingTable()).update();
        long done = System.nanoTime();
        if (log.isInfoEnabled()) {
            long rows = sources.stream().mapToLong(s -> tallies.get(s.fileNo()).read).sum();
            log.info("import {}: {} {} rows read, checked and staged in {} ms; analysed in {} ms, duplicates {} ms, references {} ms, "
                            + "{} {} ms{}",
                    importId, rows, staged.kind().key(), ms(start, stagedAt), ms(stagedAt, analysed), ms(analysed, deduplicated),
                    ms(deduplicated, referenced), targetEmpty ? "insert (into empty table)" : "merge", ms(referenced, done),
                    targetEmpty ? " (of which foreign keys added again " + ms(0, keysAdded) + " ms)" : "");
        }
    }

    /** A foreign key of a table as the catalogue states it: quoted name and definition. */
    private record ForeignKey(String name, String definition) {
    }

    /**
     * Drops the foreign keys a table holds on others, as they are now, and returns them to be
     * added again by {@link #addForeignKeys}. Only for a first load into an empty table: the
     * references were already checked set-based, so the per-row check of each key's trigger
     * (about half of the insert time) would find nothing; adding the keys again afterwards checks
     * every row once more in one scan. DDL is transactional: if the import fails, the rollback
     * brings the keys back. Takes ACCESS EXCLUSIVE locks on the table and on the tables it
     * refers to, until the import commits.
     */
    private List<ForeignKey> dropForeignKeys(String table) {
        List<ForeignKey> keys = jdbc.sql("""
                        select quote_ident(conname) as name, pg_get_constraintdef(oid) as definition
                        from pg_constraint where conrelid = cast(:table as regclass) and contype = 'f' order by conname""")
                .param("table", table)
                .query((rs, n) -> new ForeignKey(rs.getString("name"), rs.getString("definition"))).list();
        if (!keys.isEmpty()) {
            jdbc.sql("alter table " + table + " "
                    + keys.stream().map(k -> "drop constraint " + k.name()).collect(Collectors.joining(", "))).update();
        }
        return keys;
    }

    /** Adds the keys {@link #dropForeignKeys} dropped again, by the same names and definitions, validated. */
    private void addForeignKeys(String table, List<ForeignKey> keys) {
        if (!keys.isEmpty()) {
            jdbc.sql("alter table " + table + " "
                    + keys.stream().map(k -> "add constraint " + k.name() + " " + k.definition())
                    .collect(Collectors.joining(", "))).update();
        }
    }

    private static long ms(long from, long to) {
        return (to - from) / 1_000_000;
    }

    /** Adds the rows a statement rejected, which it returns as (file_no, rejected), to each file's count. */
    private static void addRejected(Map<Integer, Tally> tallies, JdbcClient.StatementSpec rejections) {
        rejections.query(rs -> {
            tallies.get(rs.getInt("file_no")).rejected += rs.getLong("rejected");
        });
    }

    /** Streams one file's rows through the checks into the staging table. */
    private void stage(StagedKind staged, PreparedSource prepared, Tally tally) {
        ImportSource source = prepared.source();
        HeaderMapping header = prepared.header();
        Cells cells = new Cells(staged.layout());
        String[] byColumn = new String[staged.layout().size()];
        CopyText copy = null;
        try (RowStream rows = source.open(staged.layout())) {
            while (rows.next()) {
                String[] fields = rows.fields();
                if (HeaderMapping.blank(fields)) {
                    continue;
                }
                tally.read++;
                header.arrange(fields, byColumn);
                cells.load(byColumn);
                int beyond = source.rejectsCellsBeyondHeader() ? header.cellsBeyondHeader(fields) : 0;
                if (beyond > 0) {
                    cells.rejectRow(ReasonCode.TOO_MANY_FIELDS, beyond, header.headerWidth());
                }
                if (copy == null) {
                    copy = new CopyText(copyManager, staged.copyStaging());
                }
                if (staged.stager().stage(cells, copy)) {
                    copy.number(prepared.fileNo()).number(rows.rowNumber()).endRow();
                } else {
                    tally.rejected++;
                    for (Problem problem : cells.problems()) {
                        pendingRejections.add(new Rejected(prepared.fileNo(), rows.rowNumber(), problem));
                    }
                    if (pendingRejections.size() >= REJECTION_BATCH) {
                        // One COPY at a time per connection: pause the staging copy to write them.
                        copy.finish();
                        copy = null;
                        flushRejections();
                    }
                }
            }
            if (copy != null) {
                copy.finish();
                copy = null;
            }
            flushRejections();
        } catch (IOException e) {
            throw new UnusableFileException(source.label(), "unreadable (" + e.getMessage() + ")", e);
        } finally {
            if (copy != null) {
                copy.close();
            }
        }
    }

    private void flushRejections() {
        if (pendingRejections.isEmpty()) {
            return;
        }
        try (CopyText copy = new CopyText(copyManager,
                "copy portfolio_import_rejection (import_id, file_no, row_no, column_no, column_name, value, code, args) from stdin")) {
            for (Rejected r : pendingRejections) {
                Problem p = r.problem();
                copy.number(importId).number(r.fileNo()).number(r.rowNo())
                        .number(p.column() == null ? -1 : p.column().index())
                        .text(p.column() == null ? null : p.column().name())
                        .text(p.value() == null ? null : shorten(p.value()))
                        .text(p.code().key())
                        .array(p.args())
                        .endRow();
            }
            copy.finish();
        }
        pendingRejections.clear();
    }

    /**
     * Values are kept to show the user what was read; a megabyte of garbage need not be kept
     * whole, and a NUL (which PostgreSQL text cannot hold) is shown as a replacement character.
     */
    static String shorten(String value) {
        String shown = value.length() <= 200 ? value : value.substring(0, 200) + "…";
        return shown.replace('\0', '\uFFFD');
    }
}
