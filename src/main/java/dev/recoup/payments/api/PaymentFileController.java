package dev.recoup.payments.api;

import dev.recoup.payments.PaymentFileReport;
import dev.recoup.payments.PaymentFiles;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Payment files over HTTP: the upload is written to a temporary file (never held in memory whole) and removed afterwards. */
@RestController
@RequestMapping("/api/v1/payment-files")
class PaymentFileController {

    private final PaymentFiles files;

    PaymentFileController(PaymentFiles files) {
        this.files = files;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Post a payment file (CSV or .xlsx)", description = """
            One part `file`: CSV (UTF-8, header payment_id, account_id, paid_on, amount[, channel]; amounts in yuan) or an .xlsx \\
            workbook (sheet `payments`, or its only sheet). Rows are checked like a portfolio import's payments; a payment id \\
            repeated in the file, naming an unknown account, already posted, or paid on a day still to come is rejected and \\
            reported with its row, column, value and reason. The rest are posted and allocated in one transaction. 201 with \\
            the report; 400 (nothing posted) when the file is unusable as a whole.""")
    ResponseEntity<PaymentFileReport> post(@RequestParam("file") MultipartFile file, Authentication user) throws IOException {
        if (file.isEmpty()) {
            throw new InvalidInputException("file", file.getOriginalFilename(), "the file is empty");
        }
        Path temporary = Files.createTempFile("recoup-payments-", ".upload");
        try {
            file.transferTo(temporary);
            String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "payments.csv" : file.getOriginalFilename();
            PaymentFileReport report = files.post(temporary, name, user.getName());
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/payment-files/" + report.id())).body(report);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    @GetMapping("/{id}")
    @Operation(summary = "The report of a payment file, with its first 100 rejections")
    PaymentFileReport report(@PathVariable long id) {
        return files.report(id);
    }

    @GetMapping("/{id}/rejections")
    @Operation(summary = "All rejections of a payment file, a page at a time (page from 0, size up to 1000)")
    List<PaymentFileReport.Rejection> rejections(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
                                                 @RequestParam(defaultValue = "100") int size) {
        files.mustExist(id);
        return files.rejections(id, page, size);
    }
}
