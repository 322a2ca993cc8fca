package dev.recoup.contact.templates.api;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.templates.MessageTemplates;
import dev.recoup.contact.templates.TemplateDetail;
import dev.recoup.contact.templates.TemplateSummary;
import dev.recoup.contact.templates.TemplateVersion;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.RenderedMessage;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.templates.domain.TemplateVariable;
import dev.recoup.shared.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Message templates (R13): versioned, zh-CN and en, checked for debt variables to third parties and forbidden wording. */
@RestController
@RequestMapping("/api/v1/templates")
@Tag(name = "Templates")
class TemplateController {

    private final MessageTemplates templates;

    TemplateController(MessageTemplates templates) {
        this.templates = templates;
    }

    record Text(String subject, String body) {
    }

    record NewTemplate(String code, String name, String kind, String channel, Map<String, Text> content, String note) {
    }

    record NewVersion(Map<String, Text> content, String note) {
    }

    record PreviewRequest(String language, Integer version, Map<String, String> variables, String pack) {
    }

    record Preview(String language, String subject, String body, boolean optOutAppended, String optOutNotice) {
    }

    record Variable(String name, String placeholder, boolean debt, String zh, String en) {
    }

    @GetMapping
    @Operation(summary = "Templates, by channel and kind")
    List<TemplateSummary> list(@RequestParam(required = false) String kind, @RequestParam(required = false) String channel) {
        return templates.list(kind == null || kind.isBlank() ? null : kind(kind), channel == null || channel.isBlank() ? null : channel(channel));
    }

    @GetMapping("/variables")
    @Operation(summary = "The variables templates may use; debt variables are never allowed in templates for third parties")
    List<Variable> variables() {
        return Arrays.stream(TemplateVariable.values())
                .map(v -> new Variable(v.variableName(), v.placeholder(), v.debt(), v.zh(), v.en())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "A template: its current version in full and the list of its versions")
    TemplateDetail find(@PathVariable long id) {
        return templates.find(id);
    }

    @GetMapping("/{id}/versions/{version}")
    @Operation(summary = "One version of a template, as saved")
    TemplateVersion version(@PathVariable long id, @PathVariable int version) {
        return templates.version(id, version);
    }

    @PostMapping
    @Operation(summary = "Create a template with its first version", description = "kind: REMINDER, FIRST_DAY_REMINDER, RISK_WARNING, "
            + "INVITATION_TO_NEGOTIATE, PROMISE_REMINDER, THIRD_PARTY_CALL_BACK; channel: SMS, EMAIL, LETTER; content: {\"zh-CN\": {subject, body}, "
            + "\"en\": {subject, body}} (subject for e-mails and letters only), variables as {{name}} (GET /api/v1/templates/variables). "
            + "400 names template, language, part, line/column and the offending variable or word for every problem.")
    ResponseEntity<TemplateDetail> create(@RequestBody NewTemplate body, Principal user) {
        NewTemplate t = body == null ? new NewTemplate(null, null, null, null, null, null) : body;
        TemplateDetail created = templates.create(t.code(), t.name(), t.kind() == null ? null : kind(t.kind()),
                t.channel() == null ? null : channel(t.channel()), content(t.content()), t.note(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + created.template().id())).body(created);
    }

    @PostMapping("/{id}/versions")
    @Operation(summary = "Save a new version of a template (the earlier versions stay)")
    ResponseEntity<TemplateDetail> addVersion(@PathVariable long id, @RequestBody NewVersion body, Principal user) {
        TemplateDetail saved = templates.addVersion(id, content(body == null ? null : body.content()), body == null ? null : body.note(), user.getName());
        return ResponseEntity.created(URI.create("/api/v1/templates/" + id + "/versions/" + saved.template().currentVersion())).body(saved);
    }

    @PostMapping("/{id}/preview")
    @Operation(summary = "Render a template with sample values", description = "Variables not given take sample values; the opt-out line of the pack "
            + "(default: recoup.channels.opt-out-pack) is added as when sending.")
    Preview preview(@PathVariable long id, @RequestBody(required = false) PreviewRequest body) {
        PreviewRequest request = body == null ? new PreviewRequest(null, null, null, null) : body;
        Language language = request.language() == null ? Language.ZH_CN : Language.of("language", request.language());
        RenderedMessage message = templates.preview(id, request.version(), language, request.variables(), request.pack());
        return new Preview(language.tag(), message.subject(), message.body(), message.optOutAppended(), message.optOutNotice());
    }

    static Map<Language, TemplateContent> content(Map<String, Text> content) {
        if (content == null) {
            throw new InvalidInputException("content", null, "content is required: {\"zh-CN\": {\"subject\", \"body\"}, \"en\": {…}}");
        }
        Map<Language, TemplateContent> byLanguage = new EnumMap<>(Language.class);
        content.forEach((tag, text) -> byLanguage.put(Language.of("content." + tag, tag),
                new TemplateContent(text == null ? null : text.subject(), text == null ? null : text.body())));
        return byLanguage;
    }

    static TemplateKind kind(String text) {
        return Arrays.stream(TemplateKind.values()).filter(k -> k.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("kind", text, "kind must be one of " + Arrays.toString(TemplateKind.values())));
    }

    static Channel channel(String text) {
        return switch (text.strip()) {
            case "SMS" -> Channel.SMS;
            case "EMAIL" -> Channel.EMAIL;
            case "LETTER" -> Channel.LETTER;
            default -> throw new InvalidInputException("channel", text, "channel must be SMS, EMAIL or LETTER");
        };
    }
}
