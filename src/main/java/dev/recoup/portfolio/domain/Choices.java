package dev.recoup.portfolio.domain;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The allowed words of an enumerated column and the spellings accepted for each (Chinese names,
 * other cases), so a spreadsheet typed by people in either language is read the same way.
 */
public final class Choices {

    private final List<String> canonical;
    private final Map<String, String> bySpelling = new HashMap<>();

    private Choices(List<String> canonical) {
        this.canonical = List.copyOf(canonical);
        canonical.forEach(c -> bySpelling.put(c.toLowerCase(Locale.ROOT), c));
    }

    static Choices of(String... canonical) {
        return new Choices(List.of(canonical));
    }

    /** Accepts {@code spellings} as {@code canonical} too. */
    Choices alias(String canonical, String... spellings) {
        if (!this.canonical.contains(canonical)) {
            throw new IllegalArgumentException(canonical + " is not one of " + this.canonical);
        }
        for (String spelling : spellings) {
            bySpelling.put(spelling.toLowerCase(Locale.ROOT), canonical);
        }
        return this;
    }

    /** The canonical word for {@code text}, or null when it is none of the choices. */
    String lookUp(String text) {
        return bySpelling.get(text.toLowerCase(Locale.ROOT));
    }

    /** The allowed words as shown in a reason: {@code self|spouse|...}. */
    String allowed() {
        return String.join("|", canonical);
    }

    public List<String> canonical() {
        return canonical;
    }
}
