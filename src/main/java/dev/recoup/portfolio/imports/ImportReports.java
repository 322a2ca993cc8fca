package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportReport;
import dev.recoup.portfolio.ImportReport.Counts;
import dev.recoup.portfolio.ImportReport.FileReport;
import dev.recoup.portfolio.ImportReport.Rejection;
import dev.recoup.portfolio.ImportReport.RejectionPage;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Reads import reports back from the database. Reasons are stored as codes and arguments and
 * put into words here, in English and Chinese, from the message bundles.
 */
@Component
public class ImportReports {

    public static final int MAX_PAGE_SIZE = 1000;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final JdbcClient jdbc;
    private final MessageSource messages;

    ImportReports(JdbcClient jdbc, MessageSource messages) {
        this.jdbc = jdbc;
        this.messages = messages;
    }

    public ImportReport report(long importId) {
        record Header(OffsetDateTime startedAt, OffsetDateTime finishedAt, String requestedBy, List<String> ignoredSheets) {
        }
        Header header = jdbc.sql("select started_at, finished_at, requested_by, ignored_sheets from portfolio_import where id = ?")
                .param(importId)
                .query((rs, n) -> new Header(rs.getObject("started_at", OffsetDateTime.class),
                        rs.getObject("finished_at", OffsetDateTime.class), rs.getString("requested_by"),
                        strings(rs.getArray("ignored_sheets"))))
                .optional().orElseThrow(() -> new NotFoundException("import", importId));
        List<FileReport> files = jdbc.sql("""
                        select file_name, sheet_name, kind, rows_read, rows_accepted, rows_rejected, rows_inserted, rows_updated,
                               rows_unchanged, ignored_columns
                        from portfolio_import_file where import_id = ? order by file_no""")
                .param(importId)
                .query((rs, n) -> new FileReport(rs.getString("file_name"), rs.getString("sheet_name"), rs.getString("kind"),
                        new Counts(rs.getLong("rows_read"), rs.getLong("rows_accepted"), rs.getLong("rows_rejected"),
                                rs.getLong("rows_inserted"), rs.getLong("rows_updated"), rs.getLong("rows_unchanged")),
                        strings(rs.getArray("ignored_columns"))))
                .list();
        Counts total = files.stream().map(FileReport::counts).reduce(Counts.NONE, Counts::plus);
        return new ImportReport(importId, header.startedAt().toInstant(),
                header.finishedAt() == null ? null : header.finishedAt().toInstant(), header.requestedBy(), total, files,
                header.ignoredSheets(), countRejections(importId), rejections(importId, 0, ImportReport.INLINE_REJECTIONS));
    }

    public RejectionPage rejectionPage(long importId, int page, int size) {
        if (page < 0) {
            throw new InvalidInputException("page", String.valueOf(page), "page counts from 0");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidInputException("size", String.valueOf(size), "size must be from 1 to " + MAX_PAGE_SIZE);
        }
        boolean exists = jdbc.sql("select exists (select 1 from portfolio_import where id = ?)").param(importId)
                .query(Boolean.class).single();
        if (!exists) {
            throw new NotFoundException("import", importId);
        }
        return new RejectionPage(importId, page, size, countRejections(importId), rejections(importId, (long) page * size, size));
    }

    private long countRejections(long importId) {
        return jdbc.sql("select count(*) from portfolio_import_rejection where import_id = ?").param(importId)
                .query(Long.class).single();
    }

    private List<Rejection> rejections(long importId, long offset, int limit) {
        return jdbc.sql("""
                        select f.file_name, f.sheet_name, r.row_no, r.column_name, r.value, r.code, r.args
                        from portfolio_import_rejection r
                        join portfolio_import_file f on f.import_id = r.import_id and f.file_no = r.file_no
                        where r.import_id = ?
                        order by r.file_no, r.row_no, r.column_no
                        offset ? limit ?""")
                .params(importId, offset, limit)
                .query(this::rejection)
                .list();
    }

    private Rejection rejection(ResultSet rs, int rowNum) throws SQLException {
        String code = rs.getString("code");
        Object[] args = strings(rs.getArray("args")).toArray();
        return new Rejection(rs.getString("file_name"), rs.getString("sheet_name"), rs.getLong("row_no"),
                rs.getString("column_name"), rs.getString("value"), code,
                reason(code, args, Locale.ENGLISH), reason(code, args, CHINESE));
    }

    private String reason(String code, Object[] args, Locale locale) {
        return messages.getMessage("import.reason." + code, args, code, locale);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
