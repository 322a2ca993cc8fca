package dev.recoup.documents.domain;

import dev.recoup.shared.InvalidInputException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A template filled with values: the title and the paragraphs to print. Every variable the
 * template uses needs a value; a value may span lines (a schedule), each line its own paragraph.
 */
public record ComposedDocument(String title, List<Paragraph> paragraphs) {

    public record Paragraph(String text, boolean heading) {
    }

    public ComposedDocument {
        paragraphs = List.copyOf(paragraphs);
    }

    /** @throws InvalidInputException naming the variables that have no value */
    public static ComposedDocument compose(TemplateContent template, Map<DocumentVariable, String> values) {
        DocumentText title = DocumentText.parse(template.title());
        DocumentText body = DocumentText.parse(template.body());
        Set<String> missing = new LinkedHashSet<>();
        for (DocumentText text : List.of(title, body)) {
            for (DocumentText.Reference reference : text.references()) {
                String value = reference.variable() == null ? null : values.get(reference.variable());
                if (value == null || value.isBlank()) {
                    missing.add(reference.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("variables." + missing.iterator().next(), null,
                    "the template needs a value for " + String.join(", ", missing) + " (模板需要这些变量的值)");
        }
        List<Paragraph> paragraphs = new ArrayList<>();
        for (String line : body.fill(values).split("\\R")) {
            String stripped = line.strip();
            if (stripped.isEmpty()) {
                continue;
            }
            paragraphs.add(stripped.startsWith("# ") ? new Paragraph(stripped.substring(2).strip(), true) : new Paragraph(stripped, false));
        }
        return new ComposedDocument(title.fill(values).strip(), paragraphs);
    }

    /** All printed text, for checks (font coverage, wording). */
    public String allText() {
        StringBuilder text = new StringBuilder(title).append('\n');
        paragraphs.forEach(p -> text.append(p.text()).append('\n'));
        return text.toString();
    }
}
