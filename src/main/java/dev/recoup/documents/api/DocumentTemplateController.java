package dev.recoup.documents.api;

import dev.recoup.documents.domain.DocumentVariable;
import dev.recoup.documents.domain.TemplateContent;
import dev.recoup.documents.persistence.DocumentTemplates;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Document templates (R19): one per kind, versioned, zh-CN and en, checked for forbidden wording and variables. */
@RestController
@RequestMapping("/api/v1/document-templates")
@Tag(name = "Documents")
class DocumentTemplateController {

    private final DocumentTemplates templates;

    DocumentTemplateController(DocumentTemplates templates) {
        this.templates = templates;
    }

    record Text(String title, String body) {
    }

    record NewVersion(Map<String, Text> content, String note) {
    }

    record Variable(String name, String placeholder, String type, boolean fromCase, String zh, String en, List<String> requiredBy) {
    }

    @GetMapping
    @Operation(summary = "Every kind with its current template version")
    List<DocumentTemplates.Summary> list() {
        return templates.list();
    }

    @GetMapping("/variables")
    @Operation(summary = "The variables templates may use; fromCase ones are filled from the case unless given; MONEY ones may be given as nameFen")
    List<Variable> variables() {
        return Arrays.stream(DocumentVariable.values()).map(v -> new Variable(v.variableName(), v.placeholder(), v.type().name(), v.fromCase(),
                v.zh(), v.en(), Arrays.stream(dev.recoup.documents.Documents.Kind.values()).filter(k -> DocumentVariable.requiredBy(k).contains(v))
                .map(Enum::name).toList())).toList();
    }

    @GetMapping("/{kind}")
    @Operation(summary = "Every version of a kind's template, newest (current) first")
    List<DocumentTemplates.Version> versions(@PathVariable String kind) {
        return templates.versions(DocumentTemplates.kind(kind));
    }

    @GetMapping("/{kind}/versions/{version}")
    @Operation(summary = "One version as saved")
    DocumentTemplates.Version version(@PathVariable String kind, @PathVariable int version) {
        return templates.version(DocumentTemplates.kind(kind), version);
    }

    @PostMapping("/{kind}/versions")
    @Operation(summary = "Save a new version (managers); the earlier versions stay", description = "content: {\"zh-CN\": {title, body}, "
            + "\"en\": {title, body}}; 400 lists every problem (forbidden wording — threats, insults, impersonation, false legal consequences, "
            + "shaming —, unknown or missing variables, missing text) with language, part, line and column.")
    ResponseEntity<DocumentTemplates.Version> save(@PathVariable String kind, @RequestBody(required = false) NewVersion body, Principal user) {
        if (body == null || body.content() == null) {
            throw new InvalidInputException("content", null, "content is required: {\"zh-CN\": {\"title\", \"body\"}, \"en\": {…}}");
        }
        Map<String, TemplateContent> content = new LinkedHashMap<>();
        body.content().forEach((language, text) -> {
            if (!language.equals("zh-CN") && !language.equals("en")) {
                throw new InvalidInputException("content." + language, language, "languages are zh-CN and en");
            }
            content.put(language, new TemplateContent(text == null ? null : text.title(), text == null ? null : text.body()));
        });
        DocumentTemplates.Version saved = templates.save(DocumentTemplates.kind(kind), content, body.note(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/document-templates/" + saved.kind() + "/versions/" + saved.version())).body(saved);
    }
}
