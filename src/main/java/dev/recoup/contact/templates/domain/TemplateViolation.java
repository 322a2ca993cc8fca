package dev.recoup.contact.templates.domain;

import dev.recoup.contact.domain.WordingLexicon;

/**
 * Why a template cannot be saved, and where: the language, the part (subject or body), the
 * position (offset from 0, line and column from 1; -1/0/0 when the problem is something missing)
 * and the offending variable or wording.
 *
 * @param category the lexicon's category when the problem is forbidden wording, else null
 */
public record TemplateViolation(String template, Language language, String part, int offset, int line, int column, String word,
                                Problem problem, WordingLexicon.Category category, String reasonZh, String reasonEn) {

    public enum Problem {
        MISSING_TEXT,
        SUBJECT_REQUIRED,
        SUBJECT_NOT_ALLOWED,
        TOO_LONG,
        MALFORMED_VARIABLE,
        UNKNOWN_VARIABLE,
        MISSING_REQUIRED_VARIABLE,
        DEBT_VARIABLE_FOR_THIRD_PARTY,
        FORBIDDEN_WORDING
    }

    /** The field in the API's terms, e.g. {@code content.zh-CN.body}. */
    public String field() {
        return "content." + language.tag() + "." + part;
    }

    /** One line naming everything, in English (the API's detail). */
    public String describe() {
        String where = offset >= 0 ? " line " + line + ", column " + column : "";
        return "Template '" + template + "' (" + language.tag() + ") " + part + where + ": " + reasonEn;
    }
}
