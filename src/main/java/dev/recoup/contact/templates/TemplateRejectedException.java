package dev.recoup.contact.templates;

import dev.recoup.contact.templates.domain.TemplateViolation;
import dev.recoup.shared.InvalidInputException;

import java.util.List;

/**
 * A template version that may not be saved: every problem, each naming the template, language,
 * part, position and the offending variable or word. HTTP 400 with the list as {@code violations}.
 */
public class TemplateRejectedException extends InvalidInputException {

    private final transient List<TemplateViolation> violations;

    public TemplateRejectedException(List<TemplateViolation> violations) {
        super(violations.getFirst().field(), violations.getFirst().word(), describe(violations));
        this.violations = List.copyOf(violations);
    }

    public List<TemplateViolation> violations() {
        return violations;
    }

    private static String describe(List<TemplateViolation> violations) {
        String first = violations.getFirst().describe();
        return violations.size() == 1 ? first : first + " (and " + (violations.size() - 1) + " more problem" + (violations.size() > 2 ? "s" : "") + ")";
    }
}
