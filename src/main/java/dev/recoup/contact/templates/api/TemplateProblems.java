package dev.recoup.contact.templates.api;

import dev.recoup.contact.templates.TemplateRejectedException;
import dev.recoup.contact.templates.domain.TemplateViolation;
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

/**
 * A rejected template as an RFC 9457 problem: the first problem in {@code field}/{@code value}/
 * {@code detail} like every 400 of Recoup, and all of them in {@code violations}.
 */
@RestControllerAdvice(assignableTypes = TemplateController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TemplateProblems {

    @ExceptionHandler
    ProblemDetail rejected(TemplateRejectedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Template rejected");
        problem.setType(URI.create("urn:recoup:problem:template-rejected"));
        problem.setProperty("field", e.field());
        problem.setProperty("value", e.value());
        problem.setProperty("violations", violations(e.violations()));
        return problem;
    }

    static List<Map<String, Object>> violations(List<TemplateViolation> violations) {
        return violations.stream().map(v -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("template", v.template());
            entry.put("language", v.language().tag());
            entry.put("part", v.part());
            entry.put("field", v.field());
            entry.put("offset", v.offset());
            entry.put("line", v.line());
            entry.put("column", v.column());
            entry.put("word", v.word());
            entry.put("problem", v.problem().name());
            entry.put("category", v.category() == null ? null : v.category().name());
            entry.put("reason_zh", v.reasonZh());
            entry.put("reason_en", v.reasonEn());
            return entry;
        }).toList();
    }
}
