package dev.recoup.documents.web;

import dev.recoup.documents.Documents;
import dev.recoup.documents.domain.DocumentVariable;
import dev.recoup.documents.domain.TemplateContent;
import dev.recoup.documents.persistence.DocumentTemplateRejectedException;
import dev.recoup.documents.persistence.DocumentTemplates;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.Map;

/** A plain page for document templates: the kinds, one kind's versions, saving a new version (managers). */
@Controller
class DocumentTemplatesPage {

    private final DocumentTemplates templates;

    DocumentTemplatesPage(DocumentTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/document-templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list());
        return "document-templates";
    }

    @GetMapping("/document-templates/{kind}")
    String show(@PathVariable String kind, Model model) {
        Documents.Kind chosen = DocumentTemplates.kind(kind);
        model.addAttribute("kind", chosen);
        model.addAttribute("versions", templates.versions(chosen));
        model.addAttribute("variables", DocumentVariable.values());
        model.addAttribute("required", DocumentVariable.requiredBy(chosen));
        return "document-template";
    }

    @PostMapping("/document-templates/{kind}/versions")
    String save(@PathVariable String kind, @RequestParam(required = false) String titleZh, @RequestParam(required = false) String bodyZh,
                @RequestParam(required = false) String titleEn, @RequestParam(required = false) String bodyEn,
                @RequestParam(required = false) String note, Principal user, RedirectAttributes redirect) {
        Documents.Kind chosen = DocumentTemplates.kind(kind);
        try {
            templates.save(chosen, Map.of("zh-CN", new TemplateContent(titleZh, bodyZh), "en", new TemplateContent(titleEn, bodyEn)), note,
                    user.getName());
            redirect.addFlashAttribute("done", "documents.templateSaved");
        } catch (DocumentTemplateRejectedException e) {
            redirect.addFlashAttribute("violations", e.violations());
        } catch (InvalidInputException e) {
            redirect.addFlashAttribute("error", e.field() + ": " + e.getMessage());
        }
        return "redirect:/document-templates/" + chosen;
    }
}
