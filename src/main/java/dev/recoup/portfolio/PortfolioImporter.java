package dev.recoup.portfolio;

import dev.recoup.portfolio.ImportReport.RejectionPage;
import dev.recoup.portfolio.imports.CsvSource;
import dev.recoup.portfolio.imports.ImportReports;
import dev.recoup.portfolio.imports.ImportService;
import dev.recoup.portfolio.imports.ImportSource;
import dev.recoup.portfolio.imports.UnusableFileException;
import dev.recoup.portfolio.imports.Workbook;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Loads a lender's portfolio from files, without HTTP: the demo loader and benchmarks call this;
 * the REST API does the same through the same pipeline. Every call is one transaction: rows that
 * fail their checks are rejected and reported, the others are applied; a file that is unusable as
 * a whole (not UTF-8, no header, a required column missing) refuses the whole import.
 *
 * <p>Importing the same data again changes nothing: rows are upserted by the lender's ids and
 * rows equal to what is stored are counted unchanged.
 */
@Service
public class PortfolioImporter {

    private static final String REQUESTED_BY = "system";

    private final ImportService imports;
    private final ImportReports reports;

    PortfolioImporter(ImportService imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    /**
     * Imports the CSV files of a directory, each named after its kind: {@code customers.csv},
     * {@code contacts.csv}, {@code accounts.csv}, {@code instalments.csv}, {@code payments.csv},
     * {@code collateral.csv}; a kind may be split over several files ({@code instalments-1.csv},
     * {@code instalments_2024.csv}). Other files, workbooks included (a directory often holds the
     * same rows as CSV and as .xlsx; use {@link #importWorkbook} for those), are left alone; a
     * CSV file named after no kind refuses the import.
     *
     * @throws InvalidInputException when a file is unusable as a whole; nothing changes then
     * @throws ConflictException     when a daily run is reading the portfolio
     */
    public ImportReport importDirectory(Path directory) {
        List<ImportFile> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(directory)) {
            for (Path file : listing.filter(Files::isRegularFile).sorted().toList()) {
                String name = file.getFileName().toString();
                if (name.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    files.add(new ImportFile(kindOfFileName(name), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
        return importFiles(files);
    }

    /**
     * Imports CSV files, each holding one kind; they are applied in dependency order whatever
     * order the list has.
     *
     * @throws InvalidInputException when a file is unusable as a whole; nothing changes then
     * @throws ConflictException     when a daily run is reading the portfolio
     */
    public ImportReport importFiles(List<ImportFile> files) {
        return imports.run(files.stream()
                .<ImportSource>map(f -> CsvSource.of(f.kind(), f.path(), f.path().getFileName().toString()))
                .toList(), List.of(), REQUESTED_BY);
    }

    /**
     * Imports an .xlsx workbook with one sheet per kind, named after it ({@code customers},
     * {@code accounts}, ...); other sheets are ignored and listed in the report.
     *
     * @throws InvalidInputException when the workbook or a sheet is unusable as a whole; nothing changes then
     * @throws ConflictException     when a daily run is reading the portfolio
     */
    public ImportReport importWorkbook(Path workbook) {
        String name = workbook.getFileName().toString();
        try (Workbook book = Workbook.open(workbook, name)) {
            return imports.run(book.sources(), book.ignoredSheets(), REQUESTED_BY);
        } catch (UnusableFileException e) {
            throw new InvalidInputException("file", e.file(), e.getMessage());
        }
    }

    /** The report of an earlier import, with its first {@value ImportReport#INLINE_REJECTIONS} rejections. */
    public ImportReport report(long importId) {
        return reports.report(importId);
    }

    /** A page of the rejections of an import (pages count from 0). */
    public RejectionPage rejections(long importId, int page, int size) {
        return reports.rejectionPage(importId, page, size);
    }

    /** The kind a file is named after: {@code customers.csv}, {@code instalments-2.csv}, {@code payments_2024.csv}. */
    static ImportKind kindOfFileName(String fileName) {
        String base = fileName.replaceFirst("(?i)\\.csv$", "");
        String prefix = base.split("[-_.\\s]", 2)[0];
        return ImportKind.byKey(base).or(() -> ImportKind.byKey(prefix))
                .orElseThrow(() -> new InvalidInputException("file", fileName, fileName + ": the file name names no kind; "
                        + "name it customers.csv, contacts.csv, accounts.csv, instalments.csv, payments.csv or collateral.csv"));
    }
}
