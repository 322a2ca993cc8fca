package dev.recoup.portfolio.api;

import dev.recoup.portfolio.ImportKind;
import dev.recoup.portfolio.ImportReport;
import dev.recoup.portfolio.ImportReport.RejectionPage;
import dev.recoup.portfolio.PortfolioImporter;
import dev.recoup.portfolio.imports.CsvSource;
import dev.recoup.portfolio.imports.ImportService;
import dev.recoup.portfolio.imports.ImportSource;
import dev.recoup.portfolio.imports.JsonSpool;
import dev.recoup.portfolio.imports.UnusableFileException;
import dev.recoup.portfolio.imports.Workbook;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.util.FileSystemUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Portfolio imports over HTTP. Uploaded parts are written to a temporary directory (never held in
 * memory whole) and removed when the import is over.
 */
@RestController
@RequestMapping("/api/v1/imports")
class ImportController {

    private final ImportService imports;
    private final PortfolioImporter importer;

    ImportController(ImportService imports, PortfolioImporter importer) {
        this.imports = imports;
        this.importer = importer;
    }

    /**
     * CSV files in parts named by kind ({@code customers}, {@code accounts}, ...; a kind may come
     * several times), or one part {@code file} with a form field {@code kind}, or an .xlsx
     * workbook in a part {@code file} or {@code workbook}.
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import portfolio files (CSV or an .xlsx workbook)", description = """
            CSV parts named by kind (customers, contacts, accounts, instalments, payments, collateral; \
            a kind may come in several parts), or one part `file` with a form field `kind`, or an .xlsx \
            workbook in a part `file` or `workbook` with one sheet per kind. Kinds are applied in \
            dependency order in one transaction. Rows that fail their checks are rejected and reported; \
            a file unusable as a whole refuses the import (400) and changes nothing. 409 while a daily \
            run reads the portfolio. See docs/import-format.md.""")
    ResponseEntity<ImportReport> importFiles(MultipartHttpServletRequest request) throws IOException {
        String user = managerOrAdmin();
        Path directory = Files.createTempDirectory("recoup-import-");
        List<Workbook> workbooks = new ArrayList<>();
        try {
            List<ImportSource> sources = new ArrayList<>();
            List<String> ignoredSheets = new ArrayList<>();
            String kindField = request.getParameter("kind");
            int n = 0;
            for (Map.Entry<String, List<MultipartFile>> part : request.getMultiFileMap().entrySet()) {
                String partName = part.getKey();
                for (MultipartFile upload : part.getValue()) {
                    String fileName = upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank()
                            ? partName : Path.of(upload.getOriginalFilename()).getFileName().toString();
                    if (upload.isEmpty() && (upload.getOriginalFilename() == null || upload.getOriginalFilename().isBlank())) {
                        continue; // a file input of a form left empty
                    }
                    Path saved = directory.resolve("part-" + n++);
                    upload.transferTo(saved);
                    boolean workbookPart = partName.equals("workbook") || partName.equals("file")
                            && (fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx") || Workbook.looksLikeWorkbook(saved));
                    if (workbookPart) {
                        Workbook workbook = Workbook.open(saved, fileName);
                        workbooks.add(workbook);
                        sources.addAll(workbook.sources());
                        ignoredSheets.addAll(workbook.ignoredSheets());
                    } else {
                        sources.add(CsvSource.of(kindOf(partName, kindField, fileName), saved, fileName));
                    }
                }
            }
            if (sources.isEmpty() && ignoredSheets.isEmpty()) {
                throw new InvalidInputException("file", null, "no file uploaded: send CSV parts named by kind ("
                        + ImportKind.allKeys() + "), a part file with a field kind, or an .xlsx workbook");
            }
            return created(imports.run(sources, ignoredSheets, user));
        } catch (UnusableFileException e) {
            throw new InvalidInputException("file", e.file(), e.getMessage());
        } finally {
            workbooks.forEach(Workbook::close);
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    /** The same rows as JSON: {@code {"customers": [{"customer_id": "C1", "name": "张三", ...}], "accounts": [...]}}. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import portfolio rows as JSON", description = """
            A JSON object of arrays named by kind, each element an object with the column names of the \
            CSV format: {"customers": [{"customer_id": "C1", "name": "张三"}], "accounts": [...]}. \
            Rows are numbered by their position in their array, from 1.""")
    ResponseEntity<ImportReport> importJson(HttpServletRequest request) throws IOException {
        String user = managerOrAdmin();
        Path directory = Files.createTempDirectory("recoup-import-");
        try (InputStream body = request.getInputStream()) {
            return created(imports.run(JsonSpool.spool(body, directory), List.of(), user));
        } catch (UnusableFileException e) {
            throw new InvalidInputException("file", e.file(), e.getMessage());
        } finally {
            FileSystemUtils.deleteRecursively(directory);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of an import, with its first 100 rejections")
    ImportReport report(@PathVariable long id) {
        managerOrAdmin();
        return importer.report(id);
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "All rejections of an import, a page at a time (page from 0, size up to 1000)")
    RejectionPage rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                             @RequestParam(defaultValue = "100") int size) {
        managerOrAdmin();
        return importer.rejections(id, page, size);
    }

    /**
     * The user, who must be a manager or an administrator: importing replaces portfolio data, and
     * reports show the lender's cells as they were (ID numbers, phones) unmasked. Agents may do
     * neither. Read from the security context rather than the request, which for multipart
     * requests may be an unwrapped one.
     */
    private static String managerOrAdmin() {
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        boolean allowed = user != null && user.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_MANAGER") || a.equals("ROLE_ADMIN"));
        if (!allowed) {
            throw new AccessDeniedException("only managers and administrators import portfolio data and read import reports");
        }
        return user.getName();
    }

    private static ImportKind kindOf(String partName, String kindField, String fileName) {
        if (partName.equals("file")) {
            if (kindField == null || kindField.isBlank()) {
                throw new InvalidInputException("kind", null, fileName + ": say what the file holds with a form field kind ("
                        + ImportKind.allKeys() + ")");
            }
            return ImportKind.byKey(kindField).orElseThrow(() -> unknownKind("kind", kindField));
        }
        return ImportKind.byKey(partName).orElseThrow(() -> unknownKind(partName, partName));
    }

    private static InvalidInputException unknownKind(String field, String value) {
        return new InvalidInputException(field, value, "unknown kind " + value + "; the kinds are " + ImportKind.allKeys());
    }

    private static ResponseEntity<ImportReport> created(ImportReport report) {
        return ResponseEntity.created(URI.create("/api/v1/imports/" + report.id())).body(report);
    }
}
