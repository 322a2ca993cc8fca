package dev.recoup.documents.web;

import dev.recoup.documents.CaseDocument;
import dev.recoup.documents.Documents;
import dev.recoup.documents.domain.DocumentVariable;
import dev.recoup.documents.persistence.DocumentProperties;
import dev.recoup.documents.persistence.DocumentService;
import dev.recoup.documents.persistence.DocumentTemplates;
import dev.recoup.documents.persistence.SigningLinks;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A plain page of a case's documents: generate one, download it, give the customer a signing link. */
@Controller
class CaseDocumentsPage {

    private final DocumentService documents;
    private final SigningLinks links;
    private final DocumentProperties properties;

    CaseDocumentsPage(DocumentService documents, SigningLinks links, DocumentProperties properties) {
        this.documents = documents;
        this.links = links;
        this.properties = properties;
    }

    @GetMapping("/cases/{caseId}/documents")
    String page(@PathVariable long caseId, Model model) {
        model.addAttribute("caseId", caseId);
        model.addAttribute("documents", documents.list(caseId));
        model.addAttribute("kinds", Documents.Kind.values());
        model.addAttribute("variables", DocumentVariable.values());
        return "case-documents";
    }

    @PostMapping("/cases/{caseId}/documents")
    String generate(@PathVariable long caseId, @RequestParam(required = false) String kind, @RequestParam(required = false) String language,
                    @RequestParam Map<String, String> form, Principal user, RedirectAttributes redirect) {
        Map<String, String> variables = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith("var.") && value != null && !value.isBlank()) {
                variables.put(name.substring(4), value);
            }
        });
        try {
            documents.generate(new Documents.DocumentRequest(DocumentTemplates.kind(kind), caseId, variables, language, user.getName()));
            redirect.addFlashAttribute("done", "documents.generated");
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        } catch (NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + caseId + "/documents";
    }

    @PostMapping("/documents/{id}/signing-links")
    String link(@PathVariable long id, Principal user, HttpServletRequest request, RedirectAttributes redirect) {
        CaseDocument document = documents.find(id);
        try {
            SigningLinks.NewLink link = links.create(id, user.getName());
            String base = properties.publicBaseUrl().isEmpty()
                    ? request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath()
                    : properties.publicBaseUrl();
            redirect.addFlashAttribute("link", base + "/sign/" + link.token());
            redirect.addFlashAttribute("linkExpires", link.expiresAt());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/cases/" + document.caseId() + "/documents";
    }

    @GetMapping("/documents/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable long id) {
        CaseDocument document = documents.find(id);
        return download(documents.content(id), document.sha256(), "document-" + id + ".pdf");
    }

    @GetMapping("/documents/{id}/signed.pdf")
    ResponseEntity<byte[]> signed(@PathVariable long id) {
        CaseDocument document = documents.find(id);
        byte[] content = documents.signedContent(id).orElseThrow(() -> new NotFoundException("signed document", id));
        return download(content, document.signature().sha256(), "document-" + id + "-signed.pdf");
    }

    private static ResponseEntity<byte[]> download(byte[] content, String sha256, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .header("X-Content-SHA256", sha256).body(content);
    }
}
