package dev.recoup.contact.templates.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template's subject or body parsed into literal text and {@code {{variable}}} references, each
 * with its offset, plus what could not be read (an unknown name, braces never closed).
 */
public final class TemplateText {

    /** A {@code {{name}}} in the text: {@code variable} is null when the name is not in the vocabulary. */
    public record Reference(String name, TemplateVariable variable, int start, int end) {
    }

    /** Braces opened and never closed, or a reference with no name. */
    public record Malformed(String fragment, int start) {
    }

    private final String source;
    private final List<Reference> references;
    private final List<Malformed> malformed;

    private TemplateText(String source, List<Reference> references, List<Malformed> malformed) {
        this.source = source;
        this.references = List.copyOf(references);
        this.malformed = List.copyOf(malformed);
    }

    public static TemplateText parse(String source) {
        String text = source == null ? "" : source;
        List<Reference> references = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        int i = 0;
        while (true) {
            int open = text.indexOf("{{", i);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            int nextOpen = text.indexOf("{{", open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                int end = close < 0 ? Math.min(text.length(), open + 20) : nextOpen;
                malformed.add(new Malformed(text.substring(open, end), open));
                i = open + 2;
                continue;
            }
            String name = text.substring(open + 2, close).strip();
            if (name.isEmpty()) {
                malformed.add(new Malformed(text.substring(open, close + 2), open));
            } else {
                references.add(new Reference(name, TemplateVariable.named(name).orElse(null), open, close + 2));
            }
            i = close + 2;
        }
        return new TemplateText(text, references, malformed);
    }

    public String source() {
        return source;
    }

    public List<Reference> references() {
        return references;
    }

    public List<Malformed> malformed() {
        return malformed;
    }

    public Set<TemplateVariable> variables() {
        Set<TemplateVariable> used = EnumSet.noneOf(TemplateVariable.class);
        for (Reference reference : references) {
            if (reference.variable() != null) {
                used.add(reference.variable());
            }
        }
        return used;
    }

    /** The text with every reference blanked by spaces of the same length, for wording checks (a variable's name is not wording). */
    public String withoutReferences() {
        StringBuilder out = new StringBuilder(source);
        for (Reference reference : references) {
            for (int k = reference.start(); k < reference.end(); k++) {
                out.setCharAt(k, ' ');
            }
        }
        return out.toString();
    }

    /**
     * The text with each reference replaced by its value.
     *
     * @return null entries are never produced: a missing value leaves the caller to report it (see {@link #missing})
     */
    public String fill(Map<TemplateVariable, String> values) {
        StringBuilder out = new StringBuilder(source.length() + 64);
        int at = 0;
        for (Reference reference : references) {
            out.append(source, at, reference.start());
            String value = reference.variable() == null ? null : values.get(reference.variable());
            out.append(value == null ? source.substring(reference.start(), reference.end()) : value);
            at = reference.end();
        }
        out.append(source, at, source.length());
        return out.toString();
    }

    /** Variables referenced but without a value in {@code values}. */
    public Set<TemplateVariable> missing(Map<TemplateVariable, String> values) {
        Set<TemplateVariable> missing = EnumSet.noneOf(TemplateVariable.class);
        for (TemplateVariable variable : variables()) {
            if (values.get(variable) == null) {
                missing.add(variable);
            }
        }
        return missing;
    }
}
