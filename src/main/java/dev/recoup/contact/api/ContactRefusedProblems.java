package dev.recoup.contact.api;

import dev.recoup.contact.persistence.ContactRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/**
 * A contact the gate refused, as an RFC 9457 problem: 409 when it will be allowed later (try at
 * {@code nextAllowedAt}), 422 when it never will be as asked (or waits for a fact to change).
 */
@RestControllerAdvice(basePackages = "dev.recoup.contact")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContactRefusedProblems {

    @ExceptionHandler
    ProblemDetail refused(ContactRefusedException e) {
        boolean later = e.decision().nextAllowedAt() != null;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(later ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Contact refused by the compliance gate");
        problem.setType(URI.create("urn:recoup:problem:contact-refused"));
        problem.setProperty("rules", DecisionViews.RuleView.of(e.hits()));
        problem.setProperty("nextAllowedAt", e.decision().nextAllowedAt() == null ? null : e.decision().nextAllowedAt().toString());
        problem.setProperty("pack", e.verdict().packIds());
        return problem;
    }
}
