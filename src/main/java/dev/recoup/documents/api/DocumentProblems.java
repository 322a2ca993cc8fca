package dev.recoup.documents.api;

import dev.recoup.documents.persistence.DocumentTemplateRejectedException;
import dev.recoup.documents.persistence.SigningLinks;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rejected templates with every problem; unusable signing links as 404/410. RFC 9457. */
@RestControllerAdvice(assignableTypes = {DocumentTemplateController.class, CaseDocumentController.class})
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentProblems {

    @ExceptionHandler
    ProblemDetail rejected(DocumentTemplateRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Document template rejected");
        problem.setType(URI.create("urn:recoup:problem:document-template-rejected"));
        problem.setProperty("field", e.field());
        problem.setProperty("value", e.value());
        List<Map<String, Object>> violations = e.violations().stream().map(v -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", v.kind());
            entry.put("language", v.language());
            entry.put("part", v.part());
            entry.put("line", v.line());
            entry.put("column", v.column());
            entry.put("word", v.word());
            entry.put("problem", v.problem().name());
            entry.put("category", v.category() == null ? null : v.category().name());
            entry.put("reason_zh", v.reasonZh());
            entry.put("reason_en", v.reasonEn());
            return entry;
        }).toList();
        problem.setProperty("violations", violations);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unusable(SigningLinks.LinkNotUsableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.why() == SigningLinks.Dead.UNKNOWN ? HttpStatus.NOT_FOUND : HttpStatus.GONE,
                e.getMessage());
        problem.setTitle("Signing link not usable");
        problem.setProperty("reason", e.why().name());
        return problem;
    }
}
