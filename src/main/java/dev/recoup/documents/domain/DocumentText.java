package dev.recoup.documents.domain;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A template text with {@code {{variable}}} references: where each is, which are unknown or
 * malformed, and the text with values put in.
 */
public final class DocumentText {

    /** A well-formed reference; {@code variable} is null when the name is unknown. */
    public record Reference(int start, int end, String name, DocumentVariable variable) {
    }

    /** An opening {@code {{} with no closing or no name. */
    public record Malformed(int start, String fragment) {
    }

    private final String text;
    private final List<Reference> references;
    private final List<Malformed> malformed;

    private DocumentText(String text, List<Reference> references, List<Malformed> malformed) {
        this.text = text;
        this.references = List.copyOf(references);
        this.malformed = List.copyOf(malformed);
    }

    public static DocumentText parse(String text) {
        List<Reference> references = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        int from = 0;
        while (true) {
            int open = text.indexOf("{{", from);
            if (open < 0) {
                break;
            }
            int close = text.indexOf("}}", open + 2);
            int nextOpen = text.indexOf("{{", open + 2);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                int end = close < 0 ? Math.min(text.length(), open + 20) : nextOpen;
                malformed.add(new Malformed(open, text.substring(open, end)));
                from = open + 2;
                continue;
            }
            String name = text.substring(open + 2, close).strip();
            if (!name.matches("[A-Za-z][A-Za-z0-9]*")) {
                malformed.add(new Malformed(open, text.substring(open, close + 2)));
            } else {
                references.add(new Reference(open, close + 2, name, DocumentVariable.named(name).orElse(null)));
            }
            from = close + 2;
        }
        return new DocumentText(text, references, malformed);
    }

    public List<Reference> references() {
        return references;
    }

    public List<Malformed> malformed() {
        return malformed;
    }

    public Set<DocumentVariable> variables() {
        Set<DocumentVariable> used = new LinkedHashSet<>();
        references.stream().filter(r -> r.variable() != null).forEach(r -> used.add(r.variable()));
        return used;
    }

    /**
     * The text with every reference replaced by an opaque word of its length ("X" and spaces), so
     * wording checks see only what the template writes, and words on either side of a variable are
     * not read as one ("法院，{{lawFirm}}通知" is not "法院通知").
     */
    public String withoutReferences() {
        StringBuilder out = new StringBuilder(text);
        for (Reference reference : references) {
            for (int i = reference.start(); i < reference.end(); i++) {
                out.setCharAt(i, i == reference.start() ? 'X' : ' ');
            }
        }
        return out.toString();
    }

    /** The text with each known reference replaced by {@code values.apply(variable)}. */
    public String fill(Function<DocumentVariable, String> values) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        for (Reference reference : references) {
            out.append(text, at, reference.start());
            out.append(reference.variable() == null ? text.substring(reference.start(), reference.end()) : values.apply(reference.variable()));
            at = reference.end();
        }
        return out.append(text.substring(at)).toString();
    }

    public String fill(Map<DocumentVariable, String> values) {
        return fill(v -> values.getOrDefault(v, ""));
    }
}
