package dev.recoup.contact.templates.web;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.TemplateDetail;
import dev.recoup.contact.templates.TemplateRejectedException;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.RenderedMessage;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.templates.domain.TemplateVariable;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.security.Principal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A plain page for message templates: the list, one template with its versions and previews, saving a new version or a new template. */
@Controller
class TemplatePage {

    private final MessageTemplates templates;

    TemplatePage(MessageTemplates templates) {
        this.templates = templates;
    }

    @GetMapping("/templates")
    String list(Model model) {
        model.addAttribute("templates", templates.list(null, null));
        model.addAttribute("kinds", TemplateKind.values());
        model.addAttribute("channels", List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER));
        model.addAttribute("variables", TemplateVariable.values());
        return "templates";
    }

    @GetMapping("/templates/{id}")
    String show(@PathVariable long id, Locale locale, Model model) {
        TemplateDetail detail = templates.find(id);
        Map<String, RenderedMessage> previews = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            try {
                previews.put(language.tag(), templates.preview(id, null, language, Map.of(), null));
            } catch (InvalidInputException e) {
                previews.put(language.tag(), new RenderedMessage(null, e.getMessage(), null));
            }
        }
        model.addAttribute("detail", detail);
        model.addAttribute("previews", previews);
        model.addAttribute("variables", TemplateVariable.values());
        model.addAttribute("zh", Language.of(locale) == Language.ZH_CN);
        return "template";
    }

    @PostMapping("/templates")
    String create(@RequestParam(required = false) String code, @RequestParam(required = false) String name, @RequestParam(required = false) String kind,
                  @RequestParam(required = false) String channel, @RequestParam(required = false) String subjectZh,
                  @RequestParam(required = false) String bodyZh, @RequestParam(required = false) String subjectEn,
                  @RequestParam(required = false) String bodyEn, @RequestParam(required = false) String note, Principal user,
                  RedirectAttributes redirect) {
        try {
            TemplateKind chosenKind = kind == null ? null : java.util.Arrays.stream(TemplateKind.values()).filter(k -> k.name().equals(kind)).findFirst()
                    .orElseThrow(() -> new InvalidInputException("kind", kind, "choose a kind"));
            Channel chosenChannel = channel == null ? null : List.of(Channel.SMS, Channel.EMAIL, Channel.LETTER).stream()
                    .filter(c -> c.name().equals(channel)).findFirst().orElseThrow(() -> new InvalidInputException("channel", channel, "choose a channel"));
            TemplateDetail created = templates.create(code, name, chosenKind, chosenChannel, content(subjectZh, bodyZh, subjectEn, bodyEn), note, user.getName());
            redirect.addFlashAttribute("done", "template.saved");
            return "redirect:/templates/" + created.template().id();
        } catch (RuntimeException e) {
            failed(redirect, e);
            return "redirect:/templates";
        }
    }

    @PostMapping("/templates/{id}/versions")
    String addVersion(@PathVariable long id, @RequestParam(required = false) String subjectZh, @RequestParam(required = false) String bodyZh,
                      @RequestParam(required = false) String subjectEn, @RequestParam(required = false) String bodyEn,
                      @RequestParam(required = false) String note, Principal user, RedirectAttributes redirect) {
        try {
            templates.addVersion(id, content(subjectZh, bodyZh, subjectEn, bodyEn), note, user.getName());
            redirect.addFlashAttribute("done", "template.saved");
        } catch (RuntimeException e) {
            failed(redirect, e);
            redirect.addFlashAttribute("draft", Map.of("subjectZh", nz(subjectZh), "bodyZh", nz(bodyZh), "subjectEn", nz(subjectEn), "bodyEn", nz(bodyEn)));
        }
        return "redirect:/templates/" + id;
    }

    private static void failed(RedirectAttributes redirect, RuntimeException e) {
        if (e instanceof TemplateRejectedException rejected) {
            redirect.addFlashAttribute("violations", rejected.violations());
        } else if (e instanceof InvalidInputException invalid) {
            redirect.addFlashAttribute("error", invalid.field() + ": " + invalid.getMessage());
        } else if (e instanceof ConflictException) {
            redirect.addFlashAttribute("error", e.getMessage());
        } else {
            throw e;
        }
    }

    private static String nz(String text) {
        return text == null ? "" : text;
    }

    private static Map<Language, TemplateContent> content(String subjectZh, String bodyZh, String subjectEn, String bodyEn) {
        Map<Language, TemplateContent> content = new EnumMap<>(Language.class);
        content.put(Language.ZH_CN, new TemplateContent(subjectZh, bodyZh));
        content.put(Language.EN, new TemplateContent(subjectEn, bodyEn));
        return content;
    }
}
