package dev.recoup.documents.domain;

import dev.recoup.contact.domain.TextPosition;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.contact.domain.WordingLexicon.Category;
import dev.recoup.documents.Documents.Kind;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a document template version before it is saved (R19): title and body in zh-CN and en,
 * variables known and well-formed, the variables its kind needs present, and none of the wording
 * collection texts may never use — the contact module's lexicon of threats, insults, impersonating
 * police, courts or lawyers, false legal consequences and shaming ({@link WordingLexicon}). A
 * lawyer's letter may name its law firm; it may not threaten arrest.
 */
public final class DocumentTemplateChecker {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en");
    public static final int TITLE_MAX = 200;
    public static final int BODY_MAX = 30_000;

    /** Documents go to the debtor: debt words are their subject, everything else in the lexicon is forbidden. */
    private static final Set<Category> FORBIDDEN = EnumSet.complementOf(EnumSet.of(Category.DEBT_DISCLOSURE));

    private final WordingLexicon lexicon;

    public DocumentTemplateChecker(WordingLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<TemplateViolation> check(Kind kind, Map<String, TemplateContent> content) {
        List<TemplateViolation> found = new ArrayList<>();
        for (String language : LANGUAGES) {
            TemplateContent text = content.getOrDefault(language, new TemplateContent("", ""));
            if (text.title().isEmpty()) {
                found.add(missing(kind, language, "title", TemplateViolation.Problem.MISSING_TEXT, "", "缺少标题",
                        "the title is missing (every document template is written in zh-CN and en)"));
            }
            if (text.body().isEmpty()) {
                found.add(missing(kind, language, "body", TemplateViolation.Problem.MISSING_TEXT, "", "缺少正文",
                        "the body is missing (every document template is written in zh-CN and en)"));
            }
            if (text.title().length() > TITLE_MAX) {
                found.add(missing(kind, language, "title", TemplateViolation.Problem.TOO_LONG, String.valueOf(text.title().length()),
                        "标题过长（最多" + TITLE_MAX + "字）", "the title is too long (at most " + TITLE_MAX + " characters)"));
            }
            if (text.body().length() > BODY_MAX) {
                found.add(missing(kind, language, "body", TemplateViolation.Problem.TOO_LONG, String.valueOf(text.body().length()),
                        "正文过长（最多" + BODY_MAX + "字）", "the body is too long (at most " + BODY_MAX + " characters)"));
            }
            Set<DocumentVariable> used = EnumSet.noneOf(DocumentVariable.class);
            used.addAll(checkPart(kind, language, "title", text.title(), found));
            used.addAll(checkPart(kind, language, "body", text.body(), found));
            if (!text.body().isEmpty()) {
                for (DocumentVariable required : DocumentVariable.requiredBy(kind)) {
                    if (!used.contains(required)) {
                        found.add(missing(kind, language, "body", TemplateViolation.Problem.MISSING_REQUIRED_VARIABLE, required.placeholder(),
                                "此类文书必须包含" + required.placeholder() + "（" + required.zh() + "）",
                                "this kind of document must contain " + required.placeholder() + " (" + required.en() + ")"));
                    }
                }
            }
        }
        return found;
    }

    private List<DocumentVariable> checkPart(Kind kind, String language, String part, String text, List<TemplateViolation> found) {
        DocumentText parsed = DocumentText.parse(text);
        for (DocumentText.Malformed bad : parsed.malformed()) {
            found.add(at(kind, language, part, text, bad.start(), bad.fragment(), TemplateViolation.Problem.MALFORMED_VARIABLE, null,
                    "变量写法有误，应为{{变量名}}", "a variable is written {{name}}; this one is not closed or has no name"));
        }
        for (DocumentText.Reference reference : parsed.references()) {
            if (reference.variable() == null) {
                String written = text.substring(reference.start(), reference.end());
                found.add(at(kind, language, part, text, reference.start(), written, TemplateViolation.Problem.UNKNOWN_VARIABLE, null,
                        "未知变量" + written, "unknown variable " + written));
            }
        }
        for (WordingLexicon.Hit hit : lexicon.scan(parsed.withoutReferences(), FORBIDDEN)) {
            found.add(at(kind, language, part, text, hit.start(), hit.passage(), TemplateViolation.Problem.FORBIDDEN_WORDING, hit.category(),
                    "禁用措辞（" + hit.category().zh() + "）：“" + hit.passage() + "”",
                    "forbidden wording (" + hit.category().en() + "): \"" + hit.passage() + "\""));
        }
        return List.copyOf(parsed.variables());
    }

    /** Forbidden wording in a value a caller puts into a document (a reason, a name): the same lexicon as templates. */
    public List<WordingLexicon.Hit> forbiddenIn(String value) {
        return lexicon.scan(value, FORBIDDEN);
    }

    private static TemplateViolation at(Kind kind, String language, String part, String text, int offset, String word,
                                        TemplateViolation.Problem problem, Category category, String zh, String en) {
        TextPosition position = TextPosition.of(text, offset);
        return new TemplateViolation(kind.name(), language, part, position.line(), position.column(), word, problem, category, zh, en);
    }

    private static TemplateViolation missing(Kind kind, String language, String part, TemplateViolation.Problem problem, String word, String zh,
                                             String en) {
        return new TemplateViolation(kind.name(), language, part, 0, 0, word, problem, null, zh, en);
    }
}
