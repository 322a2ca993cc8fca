package dev.recoup.waivers.api;

import dev.recoup.documents.Documents;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.waivers.KpiExclusions;
import dev.recoup.waivers.domain.WaiverAmounts;
import dev.recoup.waivers.persistence.Waiver;
import dev.recoup.waivers.persistence.WaiverService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.net.URI;
import java.security.Principal;
import java.util.List;

/** Waivers and settlements (R17): draft, proof of hardship, submit for two-level approval, withdraw; KPI exclusions. */
@RestController
@Tag(name = "Waivers")
class WaiverController {

    private final WaiverService waivers;

    WaiverController(WaiverService waivers) {
        this.waivers = waivers;
    }

    record NewWaiver(String kind, String accountRef, Long feeFen, Long penaltyFen, Long interestFen, Long principalFen, Long settlementAmountFen,
                     String reason, Boolean excludeFromKpis) {
    }

    @GetMapping("/api/v1/cases/{caseId}/waivers")
    @Operation(summary = "The case's waivers and settlements, newest first")
    List<Waiver> list(@PathVariable long caseId) {
        return waivers.list(caseId);
    }

    @PostMapping("/api/v1/cases/{caseId}/waivers")
    @Operation(summary = "Draft a waiver or settlement", description = "kind WAIVER (penalty, fee, interest) or SETTLEMENT (may also forgive "
            + "principal; settlementAmountFen = what the customer pays); amounts in fen; reason = the hardship. Principal outside a settlement "
            + "is refused (400, field principalFen). Then upload proof (POST /api/v1/waivers/{id}/evidence) and submit.")
    ResponseEntity<Waiver> create(@PathVariable long caseId, @RequestBody(required = false) NewWaiver body, Principal user) {
        NewWaiver w = body == null ? new NewWaiver(null, null, null, null, null, null, null, null, null) : body;
        Waiver created = waivers.create(caseId, w.accountRef(), new WaiverAmounts(WaiverService.kind(w.kind()), fen(w.feeFen()), fen(w.penaltyFen()),
                fen(w.interestFen()), fen(w.principalFen()), w.settlementAmountFen()), w.reason(), Boolean.TRUE.equals(w.excludeFromKpis()), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/waivers/" + created.id())).body(created);
    }

    @GetMapping("/api/v1/waivers/{id}")
    @Operation(summary = "A waiver with its evidence and its approval's decisions")
    Waiver find(@PathVariable long id) {
        return waivers.find(id);
    }

    @PostMapping(path = "/api/v1/waivers/{id}/evidence", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload proof of hardship", description = "Part 'file': a PDF, JPEG or PNG (recognised by content), at most "
            + "recoup.waivers.evidence-max-file-size (5 MB); stored with its SHA-256; the same file twice is kept once.")
    ResponseEntity<Waiver.Evidence> evidence(@PathVariable long id, @RequestPart(name = "file", required = false) MultipartFile file, Principal user)
            throws IOException {
        if (file == null) {
            throw new InvalidInputException("file", null, "send the proof as the multipart part 'file'");
        }
        if (file.getSize() > waivers.properties().evidenceMaxFileSize().toBytes()) {
            throw new InvalidInputException("file", file.getOriginalFilename(), "the file has " + file.getSize() + " bytes; at most "
                    + waivers.properties().evidenceMaxFileSize().toBytes() + " are accepted");
        }
        Waiver.Evidence added = waivers.addEvidence(id, file.getOriginalFilename(), file.getBytes(), user.getName());
        return ResponseEntity.status(201).body(added);
    }

    @GetMapping("/api/v1/waivers/{id}/evidence/{evidenceId}")
    @Operation(summary = "Download a proof file as uploaded")
    ResponseEntity<byte[]> evidenceFile(@PathVariable long id, @PathVariable long evidenceId) {
        Waiver.Evidence evidence = waivers.find(id).evidence().stream().filter(e -> e.id() == evidenceId).findFirst()
                .orElseThrow(() -> new dev.recoup.shared.NotFoundException("evidence of waiver " + id, evidenceId));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(evidence.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(evidence.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                        .build().toString())
                .header("X-Content-SHA256", evidence.sha256())
                .body(waivers.evidenceContent(id, evidenceId));
    }

    @PostMapping("/api/v1/waivers/{id}/submit")
    @Operation(summary = "Submit a draft for approval (needs at least one proof file)", description = "Opens an approval request: the team lead, "
            + "and above the threshold (or for principal) the manager too. Once approved, the amounts post as adjustments.")
    Waiver submit(@PathVariable long id, Principal user) {
        return waivers.submit(id, user.getName());
    }

    @PostMapping("/api/v1/waivers/{id}/withdraw")
    @Operation(summary = "Withdraw a draft or pending waiver")
    Waiver withdraw(@PathVariable long id, Principal user) {
        return waivers.withdraw(id, user.getName());
    }

    @PostMapping("/api/v1/waivers/{id}/application")
    @Operation(summary = "Generate the customer's waiver application (a document kept with the case)")
    ResponseEntity<Documents.StoredDocument> application(@PathVariable long id, @RequestParam(required = false) String language, Principal user) {
        Documents.StoredDocument stored = waivers.application(id, language, user.getName());
        return ResponseEntity.created(URI.create("/api/v1/cases/" + stored.caseId() + "/documents/" + stored.id())).body(stored);
    }

    @GetMapping("/api/v1/kpi-exclusions")
    @Operation(summary = "Cases left out of KPIs by an approved waiver or settlement (also in the table case_kpi_exclusion)")
    List<KpiExclusions.Exclusion> exclusions() {
        return waivers.all();
    }

    private static long fen(Long value) {
        return value == null ? 0 : value;
    }
}
