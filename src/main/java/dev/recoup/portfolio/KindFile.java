package dev.recoup.portfolio;

import dev.recoup.portfolio.domain.Cells;
import dev.recoup.portfolio.domain.Layout;
import dev.recoup.portfolio.domain.ReasonCode;
import dev.recoup.portfolio.imports.CsvSource;
import dev.recoup.portfolio.imports.HeaderMapping;
import dev.recoup.portfolio.imports.ImportSource;
import dev.recoup.portfolio.imports.RowStream;
import dev.recoup.portfolio.imports.UnusableFileException;
import dev.recoup.portfolio.imports.Workbook;
import dev.recoup.shared.InvalidInputException;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of one kind in a CSV file or an .xlsx workbook, read exactly as an import reads them
 * (same readers, same header rules, same cell checks through {@link Cells}): for other modules that
 * take files in the import's format, such as payment files. A file unusable as a whole (not UTF-8,
 * no header, a required column missing, a corrupt workbook) is refused with {@link InvalidInputException}
 * naming the file, at {@link #open} or at the row where it is found.
 */
public final class KindFile implements Closeable {

    private final ImportSource source;
    private final Workbook workbook;
    private final HeaderMapping header;
    private final RowStream rows;
    private final Cells cells;
    private final String[] byColumn;

    private KindFile(ImportSource source, Workbook workbook, Layout layout) throws IOException {
        this.source = source;
        this.workbook = workbook;
        this.rows = source.open(layout);
        this.header = HeaderMapping.of(source, rows.header(), layout);
        this.cells = new Cells(layout);
        this.byColumn = new String[layout.size()];
    }

    /**
     * Opens a file of one kind: a workbook (recognised by its content, whatever its name) is read
     * from the sheet named like the kind, or its only sheet; anything else is read as CSV.
     *
     * @param fileName the name the user gave the file, for reports and errors
     */
    public static KindFile open(ImportKind kind, Layout layout, Path path, String fileName) {
        Workbook book = null;
        try {
            ImportSource source;
            if (Workbook.looksLikeWorkbook(path)) {
                book = Workbook.open(path, fileName);
                source = book.sourceOf(kind).orElseThrow(() -> new UnusableFileException(fileName,
                        "the workbook has no sheet named " + kind.key() + " (and more than one sheet)"));
            } else {
                source = CsvSource.of(kind, path, fileName);
            }
            return new KindFile(source, book, layout);
        } catch (UnusableFileException e) {
            close(book);
            throw new InvalidInputException("file", e.file(), e.getMessage());
        } catch (IOException e) {
            close(book);
            throw new InvalidInputException("file", fileName, fileName + ": unreadable (" + e.getMessage() + ")");
        }
    }

    /** The file as reports name it: {@code payments.csv}, {@code bank.xlsx [Sheet1]}. */
    public String label() {
        return source.label();
    }

    public String file() {
        return source.file();
    }

    /** The sheet read, or null for CSV. */
    public String sheet() {
        return source.sheet();
    }

    /** Header columns the format does not know, so not read. */
    public List<String> ignoredColumns() {
        return header.ignoredColumns();
    }

    /**
     * Moves to the next row that is not blank and loads its cells, with the import's whole-row
     * check (cells beyond the header in CSV) already applied; false at the end.
     */
    public boolean next() {
        try {
            while (rows.next()) {
                String[] fields = rows.fields();
                if (HeaderMapping.blank(fields)) {
                    continue;
                }
                header.arrange(fields, byColumn);
                cells.load(byColumn);
                int beyond = source.rejectsCellsBeyondHeader() ? header.cellsBeyondHeader(fields) : 0;
                if (beyond > 0) {
                    cells.rejectRow(ReasonCode.TOO_MANY_FIELDS, beyond, header.headerWidth());
                }
                return true;
            }
            return false;
        } catch (UnusableFileException e) {
            throw new InvalidInputException("file", e.file(), e.getMessage());
        }
    }

    /** The row's number as a spreadsheet shows it (the header is row 1). */
    public long rowNumber() {
        return rows.rowNumber();
    }

    /** The current row's cells; read them with the kind's record ({@code PaymentRecord.read}). */
    public Cells cells() {
        return cells;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } finally {
            close(workbook);
        }
    }

    private static void close(Workbook book) {
        if (book != null) {
            book.close();
        }
    }
}
