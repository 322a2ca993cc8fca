package dev.recoup.contact.templates.domain;

/** A template's text in one language: a subject (e-mail subject, letter title; none for SMS) and a body. */
public record TemplateContent(String subject, String body) {

    public TemplateContent {
        subject = subject == null || subject.isBlank() ? null : subject.strip();
        body = body == null ? "" : body.strip();
    }
}
