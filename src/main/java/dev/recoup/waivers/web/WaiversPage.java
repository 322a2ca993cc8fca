package dev.recoup.waivers.web;

import static dev.recoup.shared.PageActions.attempt;

import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.MinorUnits;
import dev.recoup.shared.NotFoundException;
import dev.recoup.waivers.domain.WaiverAmounts;
import dev.recoup.waivers.persistence.Waiver;
import dev.recoup.waivers.persistence.WaiverService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

/** A plain page of a case's waivers and settlements: ask for one with its proof (drafted, uploaded and submitted at once), follow its approval. */
@Controller
class WaiversPage {

    private final WaiverService waivers;
    private final TransactionTemplate transaction;

    WaiversPage(WaiverService waivers, TransactionTemplate transaction) {
        this.waivers = waivers;
        this.transaction = transaction;
    }

    @GetMapping("/cases/{caseId}/waivers")
    String page(@PathVariable long caseId, Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("waivers", waivers.list(caseId));
        model.addAttribute("excluded", waivers.isExcluded(caseId));
        return "waivers";
    }

    @PostMapping("/cases/{caseId}/waivers")
    String create(@PathVariable long caseId, @RequestParam(required = false) String kind, @RequestParam(required = false) String accountRef,
                  @RequestParam(required = false) String fee, @RequestParam(required = false) String penalty,
                  @RequestParam(required = false) String interest, @RequestParam(required = false) String principal,
                  @RequestParam(required = false) String settlementAmount, @RequestParam(required = false) String reason,
                  @RequestParam(required = false) String excludeFromKpis, @RequestParam(name = "files", required = false) List<MultipartFile> files,
                  Principal user, RedirectAttributes redirect) {
        attempt(redirect, "waivers.submitted", () -> transaction.execute(status -> {
            WaiverAmounts amounts = new WaiverAmounts(WaiverService.kind(kind), yuan("fee", fee), yuan("penalty", penalty), yuan("interest", interest),
                    yuan("principal", principal), settlementAmount == null || settlementAmount.isBlank() ? null : yuan("settlementAmount", settlementAmount));
            Waiver waiver = waivers.create(caseId, accountRef, amounts, reason, excludeFromKpis != null, user.getName());
            for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
                if (file.isEmpty()) {
                    continue;
                }
                if (file.getSize() > waivers.properties().evidenceMaxFileSize().toBytes()) {
                    throw new InvalidInputException("file", file.getOriginalFilename(), "at most "
                            + waivers.properties().evidenceMaxFileSize().toMegabytes() + " MB per file");
                }
                try {
                    waivers.addEvidence(waiver.id(), file.getOriginalFilename(), file.getBytes(), user.getName());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return waivers.submit(waiver.id(), user.getName());
        }));
        return "redirect:/cases/" + caseId + "/waivers";
    }

    @PostMapping("/waivers/{id}/withdraw")
    String withdraw(@PathVariable long id, Principal user, RedirectAttributes redirect) {
        long caseId = waivers.find(id).caseId();
        attempt(redirect, "waivers.withdrawn", () -> waivers.withdraw(id, user.getName()));
        return "redirect:/cases/" + caseId + "/waivers";
    }

    @PostMapping("/waivers/{id}/application")
    String application(@PathVariable long id, @RequestParam(required = false) String language, Principal user, RedirectAttributes redirect) {
        long caseId = waivers.find(id).caseId();
        attempt(redirect, "waivers.applicationMade", () -> waivers.application(id, language, user.getName()));
        return "redirect:/cases/" + caseId + "/documents";
    }

    @GetMapping("/waivers/{id}/evidence/{evidenceId}")
    ResponseEntity<byte[]> evidence(@PathVariable long id, @PathVariable long evidenceId) {
        Waiver.Evidence evidence = waivers.find(id).evidence().stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new NotFoundException("evidence of waiver " + id, evidenceId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(evidence.fileName(), StandardCharsets.UTF_8).build()
                        .toString())
                .body(waivers.evidenceContent(id, evidenceId));
    }

    private static long yuan(String field, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        try {
            return MinorUnits.parse(text.strip().replace(",", ""), 2);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, text, e.getMessage());
        }
    }

}
