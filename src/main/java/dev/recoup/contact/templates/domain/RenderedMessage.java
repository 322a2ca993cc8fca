package dev.recoup.contact.templates.domain;

/**
 * A message ready to send: the subject (null for SMS), the body with the opt-out line when one was
 * added, and which line that was.
 */
public record RenderedMessage(String subject, String body, String optOutNotice) {

    public boolean optOutAppended() {
        return optOutNotice != null;
    }
}
