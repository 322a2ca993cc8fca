package dev.recoup.demo;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Copies the six CSV files into one workbook, one sheet per kind, so the same portfolio can be
 * imported as Excel. Every cell is text, exactly the CSV value: ID and phone numbers keep all
 * their digits and amounts stay exact decimals.
 */
final class PortfolioWorkbook {

    static final String FILE_NAME = "portfolio.xlsx";
    /** Rows an XLSX sheet can hold, header included. */
    static final int MAX_SHEET_ROWS = Worksheet.MAX_ROWS;

    private PortfolioWorkbook() {
    }

    static Path write(Path directory, LocalDate asOf) throws IOException {
        // Sibling files rather than createTempFile, which would leave the workbook readable by its owner only.
        Path raw = directory.resolve(FILE_NAME + ".raw");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(raw))) {
                Workbook workbook = new Workbook(out, "Recoup", "1.0");
                for (PortfolioFile file : PortfolioFile.values()) {
                    copySheet(directory.resolve(file.fileName()), workbook.newWorksheet(file.kind), file);
                }
                workbook.finish();
            }
            Path target = directory.resolve(FILE_NAME);
            makeReproducible(raw, target, asOf);
            return target;
        } finally {
            Files.deleteIfExists(raw);
        }
    }

    private static void copySheet(Path csv, Worksheet sheet, PortfolioFile file) throws IOException {
        for (int column = 0; column < file.columns.size(); column++) {
            String name = file.columns.get(column);
            sheet.width(column, name.equals("address") || name.equals("description") ? 48 : name.equals("id_number") ? 21 : 14);
            sheet.style(0, column).bold().set();
        }
        sheet.freezePane(0, 1);
        int row = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            for (CsvRecord record : reader) {
                if (row >= MAX_SHEET_ROWS) {
                    throw new IllegalStateException(csv.getFileName() + " has more rows than a workbook sheet holds");
                }
                for (int column = 0; column < record.getFieldCount(); column++) {
                    String value = record.getField(column);
                    if (!value.isEmpty()) {
                        // Inline strings: no shared-string table growing in memory with the data.
                        sheet.inlineString(row, column, value);
                    }
                }
                if (++row % 10_000 == 0) {
                    sheet.flush();
                }
            }
        }
        sheet.finish();
    }

    /**
     * fastexcel stamps the workbook with the wall-clock time (in docProps/core.xml and in every
     * zip entry). Rewrites the archive with the as-of date instead, so that the same seed gives
     * the same bytes.
     */
    private static void makeReproducible(Path raw, Path target, LocalDate asOf) throws IOException {
        LocalDateTime stamp = asOf.getYear() < 1980 ? LocalDateTime.of(1980, 1, 1, 0, 0) : asOf.atStartOfDay();
        Path temporary = target.resolveSibling(FILE_NAME + ".part");
        try {
            // ZipFile reads the central directory: fastexcel's streamed entries leave sizes out of
            // the local headers, which ZipInputStream cannot cope with.
            try (ZipFile in = new ZipFile(raw.toFile());
                 ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(temporary)))) {
                for (ZipEntry entry : Collections.list(in.entries())) {
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTimeLocal(stamp);
                    out.putNextEntry(copy);
                    try (InputStream content = in.getInputStream(entry)) {
                        if (entry.getName().equals("docProps/core.xml")) {
                            out.write(withCreated(content, stamp).getBytes(StandardCharsets.UTF_8));
                        } else {
                            content.transferTo(out);
                        }
                    }
                    out.closeEntry();
                }
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String withCreated(InputStream coreXml, LocalDateTime stamp) throws IOException {
        String xml = new String(coreXml.readAllBytes(), StandardCharsets.UTF_8);
        return xml.replaceAll("(<dcterms:created[^>]*>)[^<]*(</dcterms:created>)", "$1" + stamp + ":00Z$2");
    }
}
