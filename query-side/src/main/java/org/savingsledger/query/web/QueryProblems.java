package org.savingsledger.query.web;

import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;
import java.util.Map;

/**
 * The query API's refusals as {@code application/problem+json}, with the same problem types as the
 * command API (one catalogue, {@link ProblemType}). Scoped to the query controllers; what they don't
 * raise themselves (unknown paths, wrong methods) is answered by the application's general handler, or
 * on the query side alone by the error page.
 */
@RestControllerAdvice(basePackages = "org.savingsledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(QueryParameters.InvalidQuery.class)
    ResponseEntity<ProblemDetail> invalid(QueryParameters.InvalidQuery e) {
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem("the query parameter " + e.parameter() + " is invalid");
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return Problems.respond(problem);
    }

    @ExceptionHandler(QueryParameters.UnknownParameters.class)
    ResponseEntity<ProblemDetail> unknown(QueryParameters.UnknownParameters e) {
        ProblemDetail problem = ProblemType.INVALID_INPUT.problem(
                (e.names().size() == 1 ? "the query parameter " : "the query parameters ") + String.join(", ", e.names())
                        + (e.names().size() == 1 ? " is" : " are") + " not known to this endpoint");
        problem.setProperty("errors", e.names().stream().map(name -> Map.of("field", name, "message", e.message())).toList());
        return Problems.respond(problem);
    }

    @ExceptionHandler(QueryParameters.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(QueryParameters.NotFound e) {
        ProblemDetail problem = ProblemType.NOT_FOUND.problem(e.getMessage());
        e.firstRecordedAt().ifPresent(at -> problem.setProperty("firstRecordedAt", at.toString()));
        return Problems.respond(problem);
    }

    @ExceptionHandler(ReadYourWrites.NotCaughtUp.class)
    ResponseEntity<ProblemDetail> notCaughtUp(ReadYourWrites.NotCaughtUp e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return Problems.respond(ProblemType.NOT_CAUGHT_UP.problem(e.getMessage()), headers);
    }

    @ExceptionHandler(org.savingsledger.query.infrastructure.ReadModelRebuilds.RebuildUnderWay.class)
    ResponseEntity<ProblemDetail> rebuildUnderWay(RuntimeException e) {
        return Problems.respond(ProblemType.CONFLICT.problem(e.getMessage()));
    }
}
