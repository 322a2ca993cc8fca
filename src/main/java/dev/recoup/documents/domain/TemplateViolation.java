package dev.recoup.documents.domain;

import dev.recoup.contact.domain.WordingLexicon;

/**
 * One problem of a document template version, with where it is.
 *
 * @param part   {@code title} or {@code body}
 * @param line   from 1, 0 when the problem has no position (something missing)
 * @param word   the variable or words at fault
 */
public record TemplateViolation(String kind, String language, String part, int line, int column, String word, Problem problem,
                                WordingLexicon.Category category, String reasonZh, String reasonEn) {

    public enum Problem { MISSING_TEXT, TOO_LONG, MALFORMED_VARIABLE, UNKNOWN_VARIABLE, MISSING_REQUIRED_VARIABLE, FORBIDDEN_WORDING }
}
