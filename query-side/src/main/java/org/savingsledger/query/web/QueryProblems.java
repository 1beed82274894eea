package org.savingsledger.query.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The query API's refusals as {@code application/problem+json}, with the same problem types as the
 * command API. Scoped to the query controllers; what they don't raise themselves (unknown paths,
 * wrong methods) is answered by the application's general handler.
 */
@RestControllerAdvice(basePackages = "org.savingsledger.query")
@Order(Ordered.HIGHEST_PRECEDENCE)
class QueryProblems {

    @ExceptionHandler(QueryParameters.InvalidQuery.class)
    ResponseEntity<ProblemDetail> invalid(QueryParameters.InvalidQuery e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the query parameter " + e.parameter() + " is invalid");
        problem.setProperty("errors", List.of(Map.of("field", e.parameter(), "message", e.getMessage())));
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler(QueryParameters.UnknownParameters.class)
    ResponseEntity<ProblemDetail> unknown(QueryParameters.UnknownParameters e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                (e.names().size() == 1 ? "the query parameter " : "the query parameters ") + String.join(", ", e.names())
                        + (e.names().size() == 1 ? " is" : " are") + " not known to this endpoint");
        problem.setProperty("errors", e.names().stream().map(name -> Map.of("field", name, "message", e.message())).toList());
        return respond(problem, new HttpHeaders());
    }

    @ExceptionHandler(QueryParameters.NotFound.class)
    ResponseEntity<ProblemDetail> notFound(QueryParameters.NotFound e) {
        return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), new HttpHeaders());
    }

    @ExceptionHandler(ReadYourWrites.NotCaughtUp.class)
    ResponseEntity<ProblemDetail> notCaughtUp(ReadYourWrites.NotCaughtUp e) {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return respond(problem(HttpStatus.SERVICE_UNAVAILABLE, "not-caught-up", "Read models not caught up",
                e.getMessage()), headers);
    }

    @ExceptionHandler(org.savingsledger.query.infrastructure.ReadModelRebuilds.RebuildUnderWay.class)
    ResponseEntity<ProblemDetail> rebuildUnderWay(RuntimeException e) {
        return respond(problem(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()), new HttpHeaders());
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:savings-ledger:problem:" + type));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem, HttpHeaders headers) {
        return ResponseEntity.status(problem.getStatus()).headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
