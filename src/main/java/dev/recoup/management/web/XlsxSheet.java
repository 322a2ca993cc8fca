package dev.recoup.management.web;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One XLSX sheet written straight to the response as rows come (fastexcel, the library the import
 * reads with): the rows written so far are flushed every {@value #FLUSH_EVERY} rows, so an export of
 * hundreds of thousands of rows holds only a few in memory. Money columns are given in yuan.
 */
final class XlsxSheet implements AutoCloseable {

    private static final int FLUSH_EVERY = 1_000;

    private final Workbook workbook;
    private final Worksheet sheet;
    private final ZoneId zone;
    private int row;

    XlsxSheet(OutputStream out, String name, List<String> headers, ZoneId zone) {
        this.workbook = new Workbook(out, "Recoup", "1.0");
        this.sheet = workbook.newWorksheet(name);
        this.zone = zone;
        for (int c = 0; c < headers.size(); c++) {
            sheet.value(0, c, headers.get(c));
            sheet.style(0, c).bold().set();
        }
        sheet.freezePane(0, 1);
        row = 1;
    }

    /** Money in fen, written as yuan with two decimals. */
    record Yuan(long fen) {
    }

    void row(Object... values) {
        for (int c = 0; c < values.length; c++) {
            Object v = values[c];
            switch (v) {
                case null -> {
                }
                case Yuan y -> {
                    sheet.value(row, c, java.math.BigDecimal.valueOf(y.fen(), 2));
                    sheet.style(row, c).format("#,##0.00").set();
                }
                case Number n -> sheet.value(row, c, n);
                case Boolean b -> sheet.value(row, c, b);
                case LocalDate d -> {
                    sheet.value(row, c, d);
                    sheet.style(row, c).format("yyyy-mm-dd").set();
                }
                case Instant i -> {
                    sheet.value(row, c, i.atZone(zone).toLocalDateTime());
                    sheet.style(row, c).format("yyyy-mm-dd hh:mm").set();
                }
                default -> sheet.value(row, c, v.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Data rows written (the header not counted). */
    int rows() {
        return row - 1;
    }

    @Override
    public void close() throws IOException {
        workbook.finish();
    }
}
