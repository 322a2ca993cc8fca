package dev.recoup.documents.persistence;

import dev.recoup.documents.domain.TemplateViolation;
import dev.recoup.shared.InvalidInputException;

import java.util.List;

/** A document template version that was not saved, with every problem. A 400 like any bad input. */
public class DocumentTemplateRejectedException extends InvalidInputException {

    private final List<TemplateViolation> violations;

    public DocumentTemplateRejectedException(List<TemplateViolation> violations) {
        super(violations.getFirst().language() + "." + violations.getFirst().part(), violations.getFirst().word(),
                violations.size() + " problem(s); first: " + violations.getFirst().reasonEn());
        this.violations = List.copyOf(violations);
    }

    public List<TemplateViolation> violations() {
        return violations;
    }
}
