package dev.recoup.approvals.api;

import dev.recoup.approvals.persistence.DecisionRefusedException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** A refused decision as an RFC 9457 problem with its code and the reason in zh-CN and en. */
@RestControllerAdvice(assignableTypes = ApprovalController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApprovalProblems {

    @ExceptionHandler
    ProblemDetail refused(DecisionRefusedException e) {
        HttpStatus status = e.refusal().conflict() ? HttpStatus.CONFLICT : HttpStatus.FORBIDDEN;
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle("Decision refused");
        problem.setType(URI.create("urn:recoup:problem:approval-decision-refused"));
        problem.setProperty("code", e.refusal().code());
        problem.setProperty("reason_zh", e.refusal().zh());
        problem.setProperty("reason_en", e.refusal().en());
        return problem;
    }
}
