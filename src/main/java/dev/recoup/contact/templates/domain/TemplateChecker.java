package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.Channel;
import dev.recoup.contact.domain.TextPosition;
import dev.recoup.contact.domain.WordingLexicon;
import dev.recoup.contact.domain.WordingLexicon.Category;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a template version before it is saved (R13): both languages written, a subject where the
 * channel has one, variables known and well-formed, the variables its kind requires present, no
 * debt variable and no debt words in a template for third parties, and no forbidden wording (the
 * {@link WordingLexicon}) in any template. Every problem is reported, each with its position.
 */
public final class TemplateChecker {

    /** Longest SMS body before rendering (≈ 7 segments of Chinese). */
    public static final int SMS_MAX = 460;
    public static final int SUBJECT_MAX = 200;
    public static final int BODY_MAX = 20_000;

    private static final Set<Category> ALWAYS_FORBIDDEN = EnumSet.complementOf(EnumSet.of(Category.DEBT_DISCLOSURE));

    private final WordingLexicon lexicon;

    public TemplateChecker(WordingLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<TemplateViolation> check(TemplateDraft draft) {
        List<TemplateViolation> found = new ArrayList<>();
        String code = draft.code();
        if (draft.channel() != Channel.SMS && draft.channel() != Channel.EMAIL && draft.channel() != Channel.LETTER) {
            throw new IllegalArgumentException("templates are for SMS, EMAIL or LETTER, not " + draft.channel());
        }
        boolean thirdParty = draft.kind().audience() == Audience.THIRD_PARTY;
        Set<Category> forbidden = thirdParty ? EnumSet.allOf(Category.class) : ALWAYS_FORBIDDEN;
        for (Language language : Language.values()) {
            TemplateContent content = draft.in(language);
            if (content.body().isEmpty()) {
                found.add(missing(code, language, "body", TemplateViolation.Problem.MISSING_TEXT, "",
                        "缺少正文", "the body is missing (every template is written in zh-CN and en)"));
            }
            if (draft.channel() == Channel.SMS && content.subject() != null) {
                found.add(missing(code, language, "subject", TemplateViolation.Problem.SUBJECT_NOT_ALLOWED, content.subject(),
                        "短信没有标题", "an SMS has no subject"));
            }
            if (draft.channel() != Channel.SMS && content.subject() == null) {
                found.add(missing(code, language, "subject", TemplateViolation.Problem.SUBJECT_REQUIRED, "",
                        "邮件和信函需要标题", "e-mails and letters need a subject"));
            }
            int bodyMax = draft.channel() == Channel.SMS ? SMS_MAX : BODY_MAX;
            if (content.body().length() > bodyMax) {
                found.add(missing(code, language, "body", TemplateViolation.Problem.TOO_LONG, String.valueOf(content.body().length()),
                        "正文过长（最多" + bodyMax + "字）", "the body is too long (at most " + bodyMax + " characters)"));
            }
            if (content.subject() != null && content.subject().length() > SUBJECT_MAX) {
                found.add(missing(code, language, "subject", TemplateViolation.Problem.TOO_LONG, String.valueOf(content.subject().length()),
                        "标题过长（最多" + SUBJECT_MAX + "字）", "the subject is too long (at most " + SUBJECT_MAX + " characters)"));
            }
            Set<TemplateVariable> used = EnumSet.noneOf(TemplateVariable.class);
            if (content.subject() != null) {
                used.addAll(checkPart(code, language, "subject", content.subject(), thirdParty, forbidden, found));
            }
            used.addAll(checkPart(code, language, "body", content.body(), thirdParty, forbidden, found));
            if (!content.body().isEmpty()) {
                for (TemplateVariable required : draft.kind().required()) {
                    if (!used.contains(required)) {
                        found.add(missing(code, language, "body", TemplateViolation.Problem.MISSING_REQUIRED_VARIABLE, required.placeholder(),
                                draft.kind().zh() + "必须包含" + required.placeholder() + "（" + required.zh() + "）",
                                "a " + draft.kind().en().toLowerCase(java.util.Locale.ROOT) + " must contain " + required.placeholder()
                                        + " (" + required.en() + ")"));
                    }
                }
            }
        }
        // In reading order: language, subject before body, position.
        found.sort(java.util.Comparator.comparing(TemplateViolation::language).thenComparing(v -> v.part().equals("body"))
                .thenComparingInt(TemplateViolation::offset));
        return found;
    }

    private Set<TemplateVariable> checkPart(String code, Language language, String part, String text, boolean thirdParty,
                                            Set<Category> forbidden, List<TemplateViolation> found) {
        TemplateText parsed = TemplateText.parse(text);
        for (TemplateText.Malformed bad : parsed.malformed()) {
            found.add(at(code, language, part, text, bad.start(), bad.fragment(), TemplateViolation.Problem.MALFORMED_VARIABLE, null,
                    "变量写法有误，应为{{变量名}}", "a variable is written {{name}}; this one is not closed or has no name"));
        }
        for (TemplateText.Reference reference : parsed.references()) {
            String written = text.substring(reference.start(), reference.end());
            if (reference.variable() == null) {
                found.add(at(code, language, part, text, reference.start(), written, TemplateViolation.Problem.UNKNOWN_VARIABLE, null,
                        "未知变量" + written, "unknown variable " + written + "; known: " + known()));
            } else if (thirdParty && reference.variable().debt()) {
                found.add(at(code, language, part, text, reference.start(), written, TemplateViolation.Problem.DEBT_VARIABLE_FOR_THIRD_PARTY, null,
                        "发给第三方的模板不得使用债务变量" + written + "（" + reference.variable().zh() + "）",
                        "a template for third parties must not use the debt variable " + written + " (" + reference.variable().en() + ")"));
            }
        }
        for (WordingLexicon.Hit hit : lexicon.scan(parsed.withoutReferences(), forbidden)) {
            boolean disclosure = hit.category() == Category.DEBT_DISCLOSURE;
            found.add(at(code, language, part, text, hit.start(), hit.passage(), TemplateViolation.Problem.FORBIDDEN_WORDING, hit.category(),
                    disclosure ? "发给第三方的模板不得透露债务：“" + hit.passage() + "”"
                            : "禁用措辞（" + hit.category().zh() + "）：“" + hit.passage() + "”",
                    disclosure ? "a template for third parties must not disclose a debt: \"" + hit.passage() + "\""
                            : "forbidden wording (" + hit.category().en() + "): \"" + hit.passage() + "\""));
        }
        return parsed.variables();
    }

    private static String known() {
        StringBuilder names = new StringBuilder();
        for (TemplateVariable variable : TemplateVariable.values()) {
            names.append(names.isEmpty() ? "" : ", ").append(variable.variableName());
        }
        return names.toString();
    }

    private static TemplateViolation at(String code, Language language, String part, String text, int offset, String word,
                                        TemplateViolation.Problem problem, Category category, String zh, String en) {
        TextPosition position = TextPosition.of(text, offset);
        return new TemplateViolation(code, language, part, offset, position.line(), position.column(), word, problem, category, zh, en);
    }

    private static TemplateViolation missing(String code, Language language, String part, TemplateViolation.Problem problem, String word,
                                             String zh, String en) {
        return new TemplateViolation(code, language, part, -1, 0, 0, word, problem, null, zh, en);
    }
}
