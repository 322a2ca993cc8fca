package dev.recoup.contact.templates;

import dev.recoup.contact.MessageTemplateCodes;
import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.RulePacks;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.contact.templates.domain.Audience;
import dev.recoup.contact.templates.domain.DefaultTemplates;
import dev.recoup.contact.templates.domain.Language;
import dev.recoup.contact.templates.domain.RenderedMessage;
import dev.recoup.contact.templates.domain.TemplateChecker;
import dev.recoup.contact.templates.domain.TemplateContent;
import dev.recoup.contact.templates.domain.TemplateDraft;
import dev.recoup.contact.templates.domain.TemplateKind;
import dev.recoup.contact.templates.domain.TemplateRenderer;
import dev.recoup.contact.templates.domain.TemplateViolation;
import dev.recoup.shared.ConflictException;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Message templates (R13): every save is a new version (old ones stay, messages point at the
 * version they were made from); a version is checked before it is saved ({@link TemplateChecker}).
 */
@Service
public class MessageTemplates implements MessageTemplateCodes {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]{1,63}");
    private static final int MAX_NAME = 120;
    private static final int MAX_NOTE = 500;

    private static final RowMapper<TemplateSummary> SUMMARY = (rs, n) -> {
        TemplateKind kind = TemplateKind.valueOf(rs.getString("kind"));
        return new TemplateSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), kind, Channel.valueOf(rs.getString("channel")),
                kind.audience(), rs.getInt("current_version"), rs.getObject("updated_at", OffsetDateTime.class));
    };
    private static final RowMapper<TemplateVersion> VERSION = (rs, n) -> new TemplateVersion(rs.getLong("version_id"), rs.getLong("template_id"),
            rs.getString("code"), TemplateKind.valueOf(rs.getString("kind")), Channel.valueOf(rs.getString("channel")), rs.getInt("version"),
            Map.of(Language.ZH_CN.tag(), new TemplateContent(rs.getString("subject_zh"), rs.getString("body_zh")),
                    Language.EN.tag(), new TemplateContent(rs.getString("subject_en"), rs.getString("body_en"))),
            rs.getBoolean("uses_debt_variables"), rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));
    private static final String VERSION_COLUMNS = """
            v.id as version_id, v.template_id, t.code, t.kind, t.channel, v.version, v.subject_zh, v.body_zh, v.subject_en, v.body_en,
            v.uses_debt_variables, v.note, v.created_by, v.created_at
            from message_template_version v join message_template t on t.id = v.template_id""";

    private final JdbcClient jdbc;
    private final TemplateChecker checker;
    private final TemplateRenderer renderer;
    private final String optOutPack;

    MessageTemplates(JdbcClient jdbc, @Value("${recoup.channels.opt-out-pack:}") String optOutPack) {
        this.jdbc = jdbc;
        this.checker = new TemplateChecker(WordingLexicon.standard());
        this.renderer = new TemplateRenderer(WordingLexicon.standard());
        this.optOutPack = optOutPack == null || optOutPack.isBlank() ? null : optOutPack.strip();
    }

    /** A pack forced for every message's opt-out line ({@code recoup.channels.opt-out-pack}), or null: the pack in force for the account. */
    public String optOutPack() {
        return optOutPack;
    }

    /** A new template with its first version. */
    @Transactional
    public TemplateDetail create(String code, String name, TemplateKind kind, Channel channel, Map<Language, TemplateContent> content, String note,
                                 String user) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("code", code, "code must be 2–64 lower-case letters, digits, '.', '_' or '-', e.g. sms.reminder-soft");
        }
        if (kind == null) {
            throw new InvalidInputException("kind", null, "kind is required: " + List.of(TemplateKind.values()));
        }
        if (channel != Channel.SMS && channel != Channel.EMAIL && channel != Channel.LETTER) {
            throw new InvalidInputException("channel", String.valueOf(channel), "channel must be SMS, EMAIL or LETTER");
        }
        String title = name == null || name.isBlank() ? code : name.strip();
        if (title.length() > MAX_NAME) {
            throw new InvalidInputException("name", title, "name is at most " + MAX_NAME + " characters");
        }
        TemplateDraft draft = checked(new TemplateDraft(code, kind, channel, content));
        Long id = jdbc.sql("""
                        insert into message_template (code, name, kind, channel, created_by) values (?, ?, ?, ?, ?)
                        on conflict (code) do nothing returning id""")
                .params(code, title, kind.name(), channel.name(), user).query(Long.class).optional()
                .orElseThrow(() -> new ConflictException("A template with code '" + code + "' exists; save a new version of it instead"));
        insertVersion(id, draft, note, user);
        return find(id);
    }

    /** Saves a new version of template {@code id}; the earlier ones stay as they were. */
    @Transactional
    public TemplateDetail addVersion(long id, Map<Language, TemplateContent> content, String note, String user) {
        TemplateSummary template = summary(id);
        TemplateDraft draft = checked(new TemplateDraft(template.code(), template.kind(), template.channel(), content));
        insertVersion(id, draft, note, user);
        return find(id);
    }

    private TemplateDraft checked(TemplateDraft draft) {
        List<TemplateViolation> violations = checker.check(draft);
        if (!violations.isEmpty()) {
            throw new TemplateRejectedException(violations);
        }
        return draft;
    }

    private void insertVersion(long id, TemplateDraft draft, String note, String user) {
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException("note", cleanNote, "note is at most " + MAX_NOTE + " characters");
        }
        // The row lock of this update orders concurrent saves of one template.
        int version = jdbc.sql("update message_template set current_version = current_version + 1, updated_at = now() where id = ? returning current_version")
                .param(id).query(Integer.class).single();
        TemplateContent zh = draft.in(Language.ZH_CN);
        TemplateContent en = draft.in(Language.EN);
        jdbc.sql("""
                        insert into message_template_version (template_id, version, subject_zh, body_zh, subject_en, body_en, uses_debt_variables, note, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, version, zh.subject(), zh.body(), en.subject(), en.body(), draft.usesDebtVariables(), cleanNote, user).update();
    }

    public List<TemplateSummary> list(TemplateKind kind, Channel channel) {
        return jdbc.sql("""
                        select * from message_template where (cast(? as text) is null or kind = ?) and (cast(? as text) is null or channel = ?)
                        order by channel, kind, code""")
                .params(kind == null ? null : kind.name(), kind == null ? null : kind.name(), channel == null ? null : channel.name(),
                        channel == null ? null : channel.name())
                .query(SUMMARY).list();
    }

    @Override
    public Map<String, TemplateCode> templateCodes() {
        Map<String, TemplateCode> codes = new java.util.LinkedHashMap<>();
        for (TemplateSummary t : list(null, null)) {
            codes.put(t.code(), new TemplateCode(t.code(), t.name(), t.channel(), t.audience() == Audience.DEBTOR, t.currentVersion() > 0));
        }
        return codes;
    }

    public TemplateSummary summary(long id) {
        return jdbc.sql("select * from message_template where id = ?").param(id).query(SUMMARY).optional()
                .orElseThrow(() -> new NotFoundException("template", id));
    }

    public Optional<TemplateSummary> byCode(String code) {
        return jdbc.sql("select * from message_template where code = ?").param(code).query(SUMMARY).optional();
    }

    public TemplateDetail find(long id) {
        TemplateSummary template = summary(id);
        List<TemplateDetail.VersionEntry> versions = jdbc.sql("""
                        select version, id, note, created_by, created_at from message_template_version where template_id = ? order by version desc""")
                .param(id).query((rs, n) -> new TemplateDetail.VersionEntry(rs.getInt("version"), rs.getLong("id"), rs.getString("note"),
                        rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class))).list();
        return new TemplateDetail(template, version(id, template.currentVersion()), versions);
    }

    public TemplateVersion version(long templateId, int version) {
        return jdbc.sql("select " + VERSION_COLUMNS + " where v.template_id = ? and v.version = ?").params(templateId, version)
                .query(VERSION).optional().orElseThrow(() -> new NotFoundException("template version", templateId + "/" + version));
    }

    public TemplateVersion versionById(long versionId) {
        return jdbc.sql("select " + VERSION_COLUMNS + " where v.id = ?").param(versionId)
                .query(VERSION).optional().orElseThrow(() -> new NotFoundException("template version", versionId));
    }

    /**
     * Renders a version with the given values and the opt-out line of {@code packId} (null: the
     * configured pack, else China's).
     */
    public RenderedMessage render(TemplateVersion version, Language language, Map<String, String> values, String packId) {
        String pack = packId != null ? packId : optOutPack != null ? optOutPack : RulePacks.DEFAULT;
        return renderer.render(version.kind(), version.channel(), version.in(language), language, values, pack);
    }

    /** A preview: sample values for every variable not given. */
    public RenderedMessage preview(long templateId, Integer version, Language language, Map<String, String> values, String packId) {
        TemplateVersion chosen = version == null ? find(templateId).current() : version(templateId, version);
        return render(chosen, language, TemplateRenderer.samples(language, values), packId);
    }

    /** Puts the default templates in when their codes are missing; returns how many were added. */
    @Transactional
    public int seedDefaults() {
        int added = 0;
        for (DefaultTemplates.DefaultTemplate template : DefaultTemplates.all()) {
            Long id = jdbc.sql("""
                            insert into message_template (code, name, kind, channel, created_by) values (?, ?, ?, ?, 'system')
                            on conflict (code) do nothing returning id""")
                    .params(template.code(), template.name(), template.kind().name(), template.channel().name()).query(Long.class).optional().orElse(null);
            if (id != null) {
                insertVersion(id, checked(template.draft()), "default template", "system");
                added++;
            }
        }
        return added;
    }
}
