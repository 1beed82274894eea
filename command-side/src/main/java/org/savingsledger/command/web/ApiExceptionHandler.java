package org.savingsledger.command.web;

import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every error of the HTTP API as {@code application/problem+json} (RFC 9457) with a stable
 * {@code type} URN. Spring MVC's own errors (unknown path, wrong method or media type, unreadable
 * body, validation) come through {@link ResponseEntityExceptionHandler}; everything the command
 * bus throws comes through {@link #commandFailed}, which looks through Axon's and Spring's
 * wrappers for the exception that says what happened, and answers what {@link CommandFailures}
 * says of it.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    // ------------------------------------------------------------------ Spring MVC's errors

    /** Bean Validation on a body: every field at once, so a client fixes them in one go. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getBindingResult().getFieldErrors()
                .forEach(error -> errors.add(new FieldProblem(error.getField(), error.getDefaultMessage())));
        ex.getBindingResult().getGlobalErrors()
                .forEach(error -> errors.add(new FieldProblem(FieldProblem.BODY, error.getDefaultMessage())));
        return handleExceptionInternal(ex, FieldProblem.invalidInput(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Constraints on handler parameters themselves (none today, but method validation may report them). */
    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers, HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String field = error instanceof FieldError fieldError ? fieldError.getField()
                        : String.valueOf(result.getMethodParameter().getParameterName());
                errors.add(new FieldProblem(field, error.getDefaultMessage()));
            }
        });
        return handleExceptionInternal(ex, FieldProblem.invalidInput(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Malformed JSON, wrong types, unknown fields, values our types refuse (money, years, ids, dates), no body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, FieldProblem.invalidInput(List.of(JsonInputProblems.of(ex))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : FieldProblem.BODY;
        return handleExceptionInternal(ex, FieldProblem.invalidInput(List.of(new FieldProblem(field, "is not valid"))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** An unknown path: Spring's detail talks of "static resources", which means nothing to an API client. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemType.NOT_FOUND.problem(
                "there is nothing at " + ex.getHttpMethod() + " /" + ex.getResourcePath());
        return handleExceptionInternal(ex, problem, headers, HttpStatus.NOT_FOUND, request);
    }

    /**
     * Every response of this handler passes here: gives Spring's own problems (405, 406, 415, ...)
     * a URN type instead of {@code about:blank} and forces the problem media type.
     */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response == null) {
            return null;
        }
        Object responseBody = response.getBody();
        if (responseBody instanceof ProblemDetail problem) {
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(ProblemType.uri(ProblemType.slugOf(response.getStatusCode())));
            }
            if (response.getStatusCode().value() == 400 && (problem.getProperties() == null
                    || !problem.getProperties().containsKey("errors"))) {
                problem.setProperty("errors", List.of());
            }
        }
        HttpHeaders problemHeaders = new HttpHeaders();
        problemHeaders.putAll(response.getHeaders());
        problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return new ResponseEntity<>(responseBody, problemHeaders, response.getStatusCode());
    }

    // ------------------------------------------------------------------ what the command bus throws

    /**
     * Handlers, interceptors and the event store may throw directly or wrapped (Axon's
     * {@code CommandExecutionException}, {@code EventStoreException}, Spring's transaction and data
     * access exceptions): the first exception in the cause chain that we understand decides.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> commandFailed(Exception exception) throws Exception {
        if (exception.getClass().getName().startsWith("org.springframework.security.")) {
            // Access denied and authentication failures belong to Spring Security's filters (401/403)
            // once security is switched on; rethrowing the same exception hands it back to them.
            throw exception;
        }
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = exception; t != null && seen.add(t); t = t.getCause()) {
            Optional<ResponseEntity<ProblemDetail>> known = CommandFailures.answer(t);
            if (known.isPresent()) {
                return known.get();
            }
        }
        log.error("Command failed unexpectedly", exception);
        return Problems.respond(ProblemType.INTERNAL_SERVER_ERROR.problem(
                "the server failed to process the request; the error has been logged"));
    }
}
