package dev.recoup.portfolio.domain;

import java.util.Locale;

/**
 * The shape of an e-mail address: one {@code @}, a local part without blanks, a domain of at
 * least two dot-separated labels of letters, digits and hyphens. Whether the mailbox exists is
 * for later contact repair to find out.
 */
public final class EmailAddress {

    private EmailAddress() {
    }

    public static Checked<String> parse(String text) {
        int at = text.indexOf('@');
        if (at <= 0 || at != text.lastIndexOf('@') || at > 64 || text.length() > 254) {
            return Checked.invalid(ReasonCode.EMAIL_INVALID);
        }
        for (int i = 0; i < at; i++) {
            char c = text.charAt(i);
            if (c <= ' ' || Character.isWhitespace(c) || c == '"' || c == ',' || c == ';' || c == '<' || c == '>') {
                return Checked.invalid(ReasonCode.EMAIL_INVALID);
            }
        }
        String domain = text.substring(at + 1);
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Checked.invalid(ReasonCode.EMAIL_INVALID);
        }
        for (String label : labels) {
            if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
                return Checked.invalid(ReasonCode.EMAIL_INVALID);
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!Character.isLetterOrDigit(c) && c != '-') {
                    return Checked.invalid(ReasonCode.EMAIL_INVALID);
                }
            }
        }
        // Domains are case-insensitive; writing them in lower case lets the same address match itself.
        return Checked.valid(text.substring(0, at + 1) + domain.toLowerCase(Locale.ROOT));
    }
}
