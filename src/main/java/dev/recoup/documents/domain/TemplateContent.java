package dev.recoup.documents.domain;

/**
 * A document template's text in one language: a title and a body of paragraphs (blank lines or
 * line breaks separate them; a line starting with "# " is a heading), with {@code {{variables}}}.
 */
public record TemplateContent(String title, String body) {

    public TemplateContent {
        title = title == null ? "" : title.strip();
        body = body == null ? "" : body.strip();
    }
}
