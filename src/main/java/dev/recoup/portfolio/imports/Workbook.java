package dev.recoup.portfolio.imports;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.domain.Column;
import dev.recoup.portfolio.domain.Layout;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * An Excel workbook (.xlsx) with one sheet per kind, each named like its kind. Sheets are read
 * as streams of rows. Cells are passed on as the text a user sees: numbers without float noise
 * (as Excel shows them, 15 significant digits), day numbers in date columns as yyyy-MM-dd,
 * booleans as true/false.
 */
public final class Workbook implements Closeable {

    private static final MathContext EXCEL_PRECISION = new MathContext(15);
    /** Day 0 of Excel's 1900 date system (it counts a 29 February 1900 that never was). */
    private static final LocalDate EPOCH_1900 = LocalDate.of(1899, 12, 30);
    private static final LocalDate EPOCH_1904 = LocalDate.of(1904, 1, 1);
    private static final double LAST_DAY_NUMBER = 2_958_465; // 9999-12-31

    private final ReadableWorkbook book;
    private final String fileName;
    private final List<ImportSource> sources = new ArrayList<>();
    private final List<String> ignoredSheets = new ArrayList<>();

    private Workbook(ReadableWorkbook book, String fileName) {
        this.book = book;
        this.fileName = fileName;
        book.getSheets().forEach(sheet -> ImportKind.byKey(sheet.getName()).ifPresentOrElse(
                kind -> sources.add(new SheetSource(kind, sheet)),
                () -> ignoredSheets.add(sheet.getName())));
    }

    /** Opens a workbook; a file that is no .xlsx workbook is unusable. */
    public static Workbook open(Path path, String fileName) {
        byte[] start = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(start, 0, start.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == 0) {
            throw new UnusableFileException(fileName, "empty file");
        }
        if (ReadableWorkbook.isOLE2Header(start)) {
            throw new UnusableFileException(fileName, "an old .xls workbook (or an encrypted one); save it as .xlsx");
        }
        try {
            return new Workbook(new ReadableWorkbook(path.toFile()), fileName);
        } catch (IOException | RuntimeException e) {
            throw new UnusableFileException(fileName, "not a readable .xlsx workbook (" + e.getMessage() + ")", e);
        }
    }

    /** Whether a file looks like a workbook (a ZIP container), whatever its name. */
    public static boolean looksLikeWorkbook(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            byte[] start = in.readNBytes(8);
            return start.length >= 4 && (ReadableWorkbook.isOOXMLZipHeader(start) || ReadableWorkbook.isOLE2Header(start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sheets named like a kind, in workbook order. */
    public List<ImportSource> sources() {
        return List.copyOf(sources);
    }

    /**
     * The rows of one kind: the sheet named like it, or else the workbook's only sheet (a bank's
     * export of payments is often a single "Sheet1").
     */
    public java.util.Optional<ImportSource> sourceOf(ImportKind kind) {
        java.util.Optional<ImportSource> named = sources.stream().filter(s -> s.kind() == kind).findFirst();
        if (named.isPresent()) {
            return named;
        }
        List<Sheet> sheets = book.getSheets().toList();
        return sheets.size() == 1 ? java.util.Optional.of(new SheetSource(kind, sheets.getFirst())) : java.util.Optional.empty();
    }

    /** The sheets named like no kind. */
    public List<String> ignoredSheets() {
        return List.copyOf(ignoredSheets);
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final class SheetSource implements ImportSource {

        private final ImportKind kind;
        private final Sheet sheet;

        SheetSource(ImportKind kind, Sheet sheet) {
            this.kind = kind;
            this.sheet = sheet;
        }

        @Override
        public ImportKind kind() {
            return kind;
        }

        @Override
        public String file() {
            return fileName;
        }

        @Override
        public String sheet() {
            return sheet.getName();
        }

        @Override
        public boolean rejectsCellsBeyondHeader() {
            return false;
        }

        @Override
        public RowStream open(Layout layout) {
            try {
                return new SheetRows(this, sheet.openStream(), layout);
            } catch (IOException | RuntimeException e) {
                throw new UnusableFileException(label(), "unreadable (" + e.getMessage() + ")", e);
            }
        }
    }

    private final class SheetRows implements RowStream {

        private final SheetSource source;
        private final Stream<Row> stream;
        private final Iterator<Row> rows;
        private final List<String> header;
        private final boolean[] dateColumns;
        private long rowNumber;
        private String[] fields;

        SheetRows(SheetSource source, Stream<Row> stream, Layout layout) {
            this.source = source;
            this.stream = stream;
            this.rows = stream.iterator();
            Row first = read();
            if (first == null) {
                header = null;
                dateColumns = new boolean[0];
                return;
            }
            rowNumber = first.getRowNum();
            String[] names = cells(first, new boolean[0]);
            header = Arrays.asList(names);
            dateColumns = new boolean[names.length];
            for (int i = 0; i < names.length; i++) {
                dateColumns[i] = names[i] != null && layout.find(names[i]).map(Column::date).orElse(false);
            }
        }

        @Override
        public List<String> header() {
            return header;
        }

        @Override
        public boolean next() {
            Row row = read();
            if (row == null) {
                return false;
            }
            rowNumber = row.getRowNum();
            fields = cells(row, dateColumns);
            return true;
        }

        private Row read() {
            try {
                return rows.hasNext() ? rows.next() : null;
            } catch (RuntimeException e) {
                throw new UnusableFileException(source.label(), "unreadable after row " + rowNumber + " ("
                        + e.getMessage() + ")", e);
            }
        }

        private String[] cells(Row row, boolean[] dates) {
            String[] values = new String[row.getCellCount()];
            for (int i = 0; i < values.length; i++) {
                Cell cell = row.getCell(i);
                values[i] = cell == null ? null : text(cell, i < dates.length && dates[i]);
            }
            return values;
        }

        private String text(Cell cell, boolean dateColumn) {
            return switch (cell.getType()) {
                case EMPTY -> null;
                case STRING -> cell.asString();
                case BOOLEAN -> String.valueOf(cell.asBoolean());
                case NUMBER, FORMULA -> number(cell.getRawValue(), dateColumn);
                case ERROR -> cell.getRawValue();
            };
        }

        private String number(String raw, boolean dateColumn) {
            if (raw == null || raw.isEmpty()) {
                return raw;
            }
            BigDecimal number;
            try {
                number = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                return raw; // a formula's text result
            }
            if (dateColumn && number.signum() > 0 && number.doubleValue() <= LAST_DAY_NUMBER) {
                long day = number.longValue();
                return (book.isDate1904() ? EPOCH_1904 : EPOCH_1900).plusDays(day).toString();
            }
            return number.round(EXCEL_PRECISION).stripTrailingZeros().toPlainString();
        }

        @Override
        public long rowNumber() {
            return rowNumber;
        }

        @Override
        public String[] fields() {
            return fields;
        }

        @Override
        public void close() {
            stream.close();
        }
    }
}
