package dev.recoup.payments.web;

import static dev.recoup.shared.PageActions.attempt;

import dev.recoup.payments.PaymentFileReport;
import dev.recoup.payments.PaymentFiles;
import dev.recoup.payments.PaymentPosting;
import dev.recoup.payments.PaymentQueries;
import dev.recoup.payments.PaymentReversals;
import dev.recoup.shared.BusinessClock;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The payments page: post one payment, upload a payment file and read its row report, list an
 * account's or a case's recent payments with what each paid, reverse one with a reason. Each
 * rendering of the form carries a fresh idempotency key, so a form sent twice posts once.
 */
@Controller
class PaymentsPage {

    private final PaymentPosting posting;
    private final PaymentFiles files;
    private final PaymentQueries queries;
    private final PaymentReversals reversals;
    private final BusinessClock clock;

    PaymentsPage(PaymentPosting posting, PaymentFiles files, PaymentQueries queries, PaymentReversals reversals, BusinessClock clock) {
        this.posting = posting;
        this.files = files;
        this.queries = queries;
        this.reversals = reversals;
        this.clock = clock;
    }

    @GetMapping("/payments")
    String page(@RequestParam(required = false) String accountId, @RequestParam(required = false) Long caseId, Model model) {
        model.addAttribute("key", UUID.randomUUID().toString());
        model.addAttribute("today", clock.today());
        model.addAttribute("zone", clock.zone());
        model.addAttribute("accountId", accountId);
        model.addAttribute("caseId", caseId);
        List<PaymentQueries.PaymentView> payments = List.of();
        try {
            if (accountId != null && !accountId.isBlank()) {
                payments = queries.ofAccount(accountId.strip(), 100);
            } else if (caseId != null) {
                payments = queries.ofCase(caseId, 100);
            }
        } catch (NotFoundException e) {
            model.addAttribute("error", e.getMessage());
        }
        model.addAttribute("payments", payments);
        model.addAttribute("recentFiles", files.recent(10));
        return "payments";
    }

    @PostMapping("/payments")
    String post(@RequestParam String idempotencyKey, @RequestParam(required = false) String accountId, @RequestParam(required = false) String amount,
                @RequestParam(required = false) LocalDate paidOn, @RequestParam(required = false) String channel,
                @RequestParam(required = false) String paymentRef, Authentication user, RedirectAttributes redirect) {
        attempt(redirect, "payments.posted", () -> {
            Long fen = parseYuan(amount);
            return posting.post(new PaymentPosting.PaymentCommand(blankToNull(accountId), blankToNull(paymentRef), paidOn, fen,
                    blankToNull(channel)), idempotencyKey, user.getName());
        });
        return "redirect:/payments?accountId=" + (accountId == null ? "" : java.net.URLEncoder.encode(accountId.strip(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @PostMapping("/payments/files")
    String upload(@RequestParam("file") MultipartFile file, Authentication user, RedirectAttributes redirect) throws IOException {
        if (file.isEmpty()) {
            redirect.addFlashAttribute("error", "file: " + (file.getOriginalFilename() == null ? "" : file.getOriginalFilename()));
            return "redirect:/payments";
        }
        Path temporary = Files.createTempFile("recoup-payments-", ".upload");
        try {
            file.transferTo(temporary);
            PaymentFileReport report = files.post(temporary, file.getOriginalFilename() == null ? "payments.csv" : file.getOriginalFilename(),
                    user.getName());
            redirect.addFlashAttribute("report", report);
            redirect.addFlashAttribute("done", "payments.filePosted");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } finally {
            Files.deleteIfExists(temporary);
        }
        return "redirect:/payments";
    }

    @GetMapping("/payments/files/{id}")
    String fileReport(@PathVariable long id, Model model) {
        model.addAttribute("report", files.report(id));
        return page(null, null, model);
    }

    @PostMapping("/payments/{id}/reversal")
    String reverse(@PathVariable long id, @RequestParam(required = false) String reason, @RequestParam(required = false) String accountId,
                   Authentication user, RedirectAttributes redirect) {
        attempt(redirect, "payments.reversed", () -> reversals.reverse(id, reason, user.getName()));
        return "redirect:/payments?accountId=" + (accountId == null ? "" : java.net.URLEncoder.encode(accountId, java.nio.charset.StandardCharsets.UTF_8));
    }

    private static Long parseYuan(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return MinorUnits.parse(amount.strip(), 2);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new InvalidInputException("amount", amount, e.getMessage());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

}
