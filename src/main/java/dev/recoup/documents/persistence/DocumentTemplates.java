package dev.recoup.documents.persistence;

import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.documents.Documents.Kind;
import dev.recoup.documents.domain.DefaultDocumentTemplates;
import dev.recoup.documents.domain.DocumentTemplateChecker;
import dev.recoup.documents.domain.TemplateContent;
import dev.recoup.documents.domain.TemplateViolation;
import dev.recoup.shared.InvalidInputException;
import dev.recoup.shared.NotFoundException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Document templates (R19): one per kind, every save a new version (the earlier ones stay, and each
 * document records the version it was made from), each checked before it is saved. A kind without
 * a template gets the default one the first time it is needed.
 */
@Service
public class DocumentTemplates {

    private static final int MAX_NOTE = 500;

    public record Version(long id, Kind kind, int version, Map<String, TemplateContent> content, String note, String createdBy,
                          OffsetDateTime createdAt) {

        public TemplateContent in(String language) {
            return content.get(language);
        }
    }

    public record Summary(Kind kind, int currentVersion, OffsetDateTime updatedAt) {
    }

    private static final RowMapper<Version> VERSION = (rs, n) -> new Version(rs.getLong("id"), Kind.valueOf(rs.getString("kind")), rs.getInt("version"),
            Map.of("zh-CN", new TemplateContent(rs.getString("title_zh"), rs.getString("body_zh")),
                    "en", new TemplateContent(rs.getString("title_en"), rs.getString("body_en"))),
            rs.getString("note"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final DocumentTemplateChecker checker = new DocumentTemplateChecker(WordingLexicon.standard());

    DocumentTemplates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public DocumentTemplateChecker checker() {
        return checker;
    }

    public static Kind kind(String text) {
        return Arrays.stream(Kind.values()).filter(k -> text != null && k.name().equals(text.strip())).findFirst()
                .orElseThrow(() -> new InvalidInputException("kind", text, "kind must be one of " + Arrays.toString(Kind.values())));
    }

    /** Every kind with its current version (defaults put in where missing). */
    @Transactional
    public List<Summary> list() {
        for (Kind kind : Kind.values()) {
            ensure(kind);
        }
        return jdbc.sql("select kind, current_version, updated_at from document_template order by kind")
                .query((rs, n) -> new Summary(Kind.valueOf(rs.getString(1)), rs.getInt(2), rs.getObject(3, OffsetDateTime.class))).list();
    }

    /** The version new documents of this kind are made from. */
    @Transactional
    public Version current(Kind kind) {
        ensure(kind);
        return jdbc.sql("""
                        select v.* from document_template t join document_template_version v on v.kind = t.kind and v.version = t.current_version
                        where t.kind = ?""").param(kind.name()).query(VERSION).single();
    }

    public Version version(Kind kind, int version) {
        return jdbc.sql("select * from document_template_version where kind = ? and version = ?").params(kind.name(), version).query(VERSION)
                .optional().orElseThrow(() -> new NotFoundException("document template version", kind + "/" + version));
    }

    public List<Version> versions(Kind kind) {
        ensure(kind);
        return jdbc.sql("select * from document_template_version where kind = ? order by version desc").param(kind.name()).query(VERSION).list();
    }

    /**
     * Saves a new version of the kind's template; the earlier ones stay.
     *
     * @throws DocumentTemplateRejectedException with every problem (forbidden wording, unknown or missing variables, missing text)
     */
    @Transactional
    public Version save(Kind kind, Map<String, TemplateContent> content, String note, String user) {
        ensure(kind);
        return insert(kind, content, note, user);
    }

    private Version insert(Kind kind, Map<String, TemplateContent> content, String note, String user) {
        List<TemplateViolation> violations = checker.check(kind, content);
        if (!violations.isEmpty()) {
            throw new DocumentTemplateRejectedException(violations);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            throw new InvalidInputException("note", cleanNote, "note is at most " + MAX_NOTE + " characters");
        }
        // The row lock of this update orders concurrent saves of one kind.
        int version = jdbc.sql("update document_template set current_version = current_version + 1, updated_at = now() where kind = ? returning current_version")
                .param(kind.name()).query(Integer.class).single();
        TemplateContent zh = content.get("zh-CN");
        TemplateContent en = content.get("en");
        return jdbc.sql("""
                        insert into document_template_version (kind, version, title_zh, body_zh, title_en, body_en, note, created_by)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning *""")
                .params(kind.name(), version, zh.title(), zh.body(), en.title(), en.body(), cleanNote, user).query(VERSION).single();
    }

    private void ensure(Kind kind) {
        boolean created = jdbc.sql("insert into document_template (kind) values (?) on conflict (kind) do nothing").param(kind.name()).update() == 1;
        if (created) {
            insert(kind, DefaultDocumentTemplates.of(kind), "default template", "system");
        }
    }
}
