package dev.recoup.documents.api;

import dev.recoup.documents.CaseDocument;
import dev.recoup.documents.Documents;
import dev.recoup.documents.persistence.DocumentProperties;
import dev.recoup.documents.persistence.DocumentService;
import dev.recoup.documents.persistence.DocumentTemplates;
import dev.recoup.documents.persistence.SigningLinks;
import dev.recoup.shared.NotFoundException;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** Documents kept with a case (R19): generate from the current template, list, download, and a one-time signing link for the customer. */
@RestController
@RequestMapping("/api/v1/cases/{caseId}/documents")
@Tag(name = "Documents")
class CaseDocumentController {

    private final DocumentService documents;
    private final SigningLinks links;
    private final DocumentProperties properties;

    CaseDocumentController(DocumentService documents, SigningLinks links, DocumentProperties properties) {
        this.documents = documents;
        this.links = links;
        this.properties = properties;
    }

    record GenerateRequest(String kind, String language, Map<String, String> variables) {
    }

    record SigningLink(long linkId, long documentId, String url, OffsetDateTime expiresAt) {
    }

    @GetMapping
    @Operation(summary = "The case's documents, newest first")
    List<CaseDocument> list(@PathVariable long caseId) {
        return documents.list(caseId);
    }

    @PostMapping
    @Operation(summary = "Generate a document from the current template of its kind", description = "kind: REPAYMENT_COMMITMENT, "
            + "INSTALMENT_AGREEMENT, WAIVER_APPLICATION, DEMAND_LETTER, LAWYERS_LETTER; language zh-CN (default) or en; variables by name "
            + "(GET /api/v1/document-templates/variables): the case's customer, accounts, amounts, date and lender are filled in unless given; "
            + "money may be given in fen as nameFen. 400 names a missing or unknown variable, forbidden wording in a value, or a character "
            + "the font cannot print.")
    ResponseEntity<CaseDocument> generate(@PathVariable long caseId, @RequestBody(required = false) GenerateRequest body, Principal user) {
        GenerateRequest request = body == null ? new GenerateRequest(null, null, null) : body;
        Documents.StoredDocument stored = documents.generate(new Documents.DocumentRequest(
                request.kind() == null ? null : DocumentTemplates.kind(request.kind()), caseId, request.variables(), request.language(), user.getName()));
        return ResponseEntity.created(URI.create("/api/v1/cases/" + caseId + "/documents/" + stored.id())).body(documents.find(stored.id()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One document: kind, template version, values, SHA-256, and its signature once signed")
    CaseDocument find(@PathVariable long caseId, @PathVariable long id) {
        return ofCase(caseId, id);
    }

    @GetMapping("/{id}/pdf")
    @Operation(summary = "Download the document as generated (its SHA-256 in the X-Content-SHA256 header)")
    ResponseEntity<byte[]> pdf(@PathVariable long caseId, @PathVariable long id) {
        CaseDocument document = ofCase(caseId, id);
        return pdf(documents.content(id), document.sha256(), "document-" + id + ".pdf");
    }

    @GetMapping("/{id}/signed.pdf")
    @Operation(summary = "Download the signed document: the original with the signature page appended (404 until signed)")
    ResponseEntity<byte[]> signed(@PathVariable long caseId, @PathVariable long id) {
        CaseDocument document = ofCase(caseId, id);
        if (document.signature() == null) {
            throw new NotFoundException("signed document", id);
        }
        return pdf(documents.signedContent(id).orElseThrow(), document.signature().sha256(), "document-" + id + "-signed.pdf");
    }

    @PostMapping("/{id}/signing-links")
    @Operation(summary = "A one-time signing link for the customer", description = "The link works once, until it expires "
            + "(recoup.documents.signing-link-validity); only its hash is stored, so this answer is the only place the link appears. "
            + "409 when the document is already signed.")
    ResponseEntity<SigningLink> link(@PathVariable long caseId, @PathVariable long id, Principal user) {
        ofCase(caseId, id);
        SigningLinks.NewLink link = links.create(id, user.getName());
        String base = properties.publicBaseUrl().isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : properties.publicBaseUrl();
        return ResponseEntity.status(201).body(new SigningLink(link.linkId(), id, base + "/sign/" + link.token(), link.expiresAt()));
    }

    private CaseDocument ofCase(long caseId, long id) {
        CaseDocument document = documents.find(id);
        if (document.caseId() != caseId) {
            throw new NotFoundException("document of case " + caseId, id);
        }
        return document;
    }

    static ResponseEntity<byte[]> pdf(byte[] content, String sha256, String fileName) {
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName).build().toString())
                .header("X-Content-SHA256", sha256)
                .body(content);
    }
}
