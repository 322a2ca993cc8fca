package dev.recoup.portfolio;

import java.time.Instant;
import java.util.List;

/**
 * What an import did: counts per file (or sheet) and in total, and the rejected rows. All
 * rejections are stored; a report carries the first {@value #INLINE_REJECTIONS} of them, the rest
 * are paged through {@link PortfolioImporter#rejections(long, int, int)}.
 *
 * @param ignoredSheets   workbook sheets whose name is no kind, so they were not read
 * @param rejectionCount  all rejections of the import (one per problem; a row can have several)
 * @param rejections      the first {@value #INLINE_REJECTIONS}, in file, row and column order
 */
public record ImportReport(long id, Instant startedAt, Instant finishedAt, String requestedBy, Counts total,
                           List<FileReport> files, List<String> ignoredSheets, long rejectionCount,
                           List<Rejection> rejections) {

    public static final int INLINE_REJECTIONS = 100;

    /**
     * Rows of a file or of the whole import. {@code read = accepted + rejected} and
     * {@code accepted = inserted + updated + unchanged}; blank rows are not counted.
     */
    public record Counts(long read, long accepted, long rejected, long inserted, long updated, long unchanged) {

        public static final Counts NONE = new Counts(0, 0, 0, 0, 0, 0);

        public Counts plus(Counts other) {
            return new Counts(read + other.read, accepted + other.accepted, rejected + other.rejected,
                    inserted + other.inserted, updated + other.updated, unchanged + other.unchanged);
        }
    }

    /**
     * One source of rows.
     *
     * @param file           the file name as uploaded (or {@code request.json})
     * @param sheet          the sheet of a workbook, the array of a JSON body; null for CSV
     * @param kind           {@code customers}, {@code contacts}, ...
     * @param ignoredColumns header columns that are not part of the format, so were not read
     */
    public record FileReport(String file, String sheet, String kind, Counts counts, List<String> ignoredColumns) {
    }

    /**
     * One problem of one rejected row.
     *
     * @param row      as a spreadsheet user counts: the header is row 1 (for JSON, the position in the array from 1)
     * @param column   the column at fault; null when the row as a whole is wrong
     * @param code     stable, for programs: {@code required}, {@code not_a_date}, {@code unknown_customer}, ...
     * @param reason   in English
     * @param reasonZh in Chinese (zh-CN)
     */
    public record Rejection(String file, String sheet, long row, String column, String value, String code,
                            String reason, String reasonZh) {
    }

    /** One page of the rejections of an import; pages count from 0. */
    public record RejectionPage(long importId, int page, int size, long total, List<Rejection> rejections) {
    }
}
