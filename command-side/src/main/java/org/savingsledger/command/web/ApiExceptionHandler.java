package org.savingsledger.command.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.savingsledger.command.infrastructure.CommandsBusy;
import org.savingsledger.command.infrastructure.CommitOutcomeUnknown;
import org.savingsledger.command.rules.BusinessRuleViolation;
import org.savingsledger.command.rules.DuplicateIdentifier;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.command.rules.UnknownIdentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.transaction.HeuristicCompletionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every error of the HTTP API as {@code application/problem+json} (RFC 9457) with a stable
 * {@code type} URN. Spring MVC's own errors (unknown path, wrong method or media type, unreadable
 * body, validation) come through {@link ResponseEntityExceptionHandler}; everything the command
 * bus throws comes through {@link #commandFailed}, which looks through Axon's and Spring's
 * wrappers for the exception that says what happened.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    static final String TYPE_PREFIX = "urn:savings-ledger:problem:";
    static final String RETRY_AFTER_SECONDS = "5";
    static final String BUSY_RETRY_AFTER_SECONDS = "1";

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
        return handleExceptionInternal(ex, invalidInput(errors), headers, HttpStatus.BAD_REQUEST, request);
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
        return handleExceptionInternal(ex, invalidInput(errors), headers, HttpStatus.BAD_REQUEST, request);
    }

    /** Malformed JSON, wrong types, unknown fields, values our types refuse (money, years, ids, dates), no body. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, invalidInput(List.of(JsonInputProblems.of(ex))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : FieldProblem.BODY;
        return handleExceptionInternal(ex, invalidInput(List.of(new FieldProblem(field, "is not valid"))), headers,
                HttpStatus.BAD_REQUEST, request);
    }

    /** An unknown path: Spring's detail talks of "static resources", which means nothing to an API client. */
    @Override
    protected ResponseEntity<Object> handleNoResourceFoundException(NoResourceFoundException ex, HttpHeaders headers,
                                                                    HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
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
                problem.setType(URI.create(TYPE_PREFIX + slugOf(response.getStatusCode())));
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
            Optional<ResponseEntity<ProblemDetail>> known = known(t);
            if (known.isPresent()) {
                return known.get();
            }
        }
        log.error("Command failed unexpectedly", exception);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error", "Internal error",
                "the server failed to process the request; the error has been logged"));
    }

    private Optional<ResponseEntity<ProblemDetail>> known(Throwable t) {
        if (t instanceof InvalidCommand invalid) {
            return Optional.of(respond(invalidInput(List.of(new FieldProblem(invalid.field(), invalid.fieldMessage())))));
        }
        if (t instanceof UnknownIdentifier unknown) {
            return Optional.of(respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", unknown.getMessage())));
        }
        if (t instanceof org.savingsledger.command.security.OrganisationAccess.ForbiddenOrganisation forbidden) {
            return Optional.of(respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", forbidden.getMessage())));
        }
        if (t instanceof AggregateNotFoundException notFound) {
            return Optional.of(respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found",
                    "nothing with id '" + notFound.getAggregateIdentifier() + "'")));
        }
        if (t instanceof BusinessRuleViolation violation) {
            ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "rule:" + violation.rule().slug(),
                    "Refused by a business rule", violation.getMessage());
            problem.setProperty("rule", violation.rule().slug());
            return Optional.of(respond(problem));
        }
        if (t instanceof DuplicateIdentifier duplicate) {
            return Optional.of(respond(problem(HttpStatus.CONFLICT, "conflict", "Id already in use", duplicate.getMessage())));
        }
        // The event store refusing a second stream for an id, or the directory's primary key: a
        // concurrent create of the same id. Their messages name tables and SQL, so they are not echoed.
        if (t instanceof AggregateStreamCreationException || t instanceof DuplicateKeyException) {
            return Optional.of(respond(problem(HttpStatus.CONFLICT, "conflict", "Id already in use",
                    "the id is already in use")));
        }
        if (t instanceof ConflictingAggregateVersionException conflict) {
            return Optional.of(respond(problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict",
                    "expected version " + conflict.getExpectedVersion() + " but it is at version "
                            + conflict.getActualVersion() + "; read it again and retry")));
        }
        if (t instanceof ConcurrencyException) {
            return Optional.of(respond(problem(HttpStatus.CONFLICT, "version-conflict", "Version conflict",
                    "it was changed by another command at the same time; read it again and retry")));
        }
        // Decided before its cause (the chain is walked outermost first): the cause, a lost connection say,
        // would read as "nothing was written", which once the commit has begun is not known. Nor is it when
        // Spring could not complete a transaction's commit or rollback.
        if (t instanceof CommitOutcomeUnknown || t instanceof TransactionSystemException
                || t instanceof HeuristicCompletionException) {
            log.warn("Command outcome unknown: {}", t.toString(), t.getCause());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "outcome-unknown", "Outcome unknown",
                    "the database failed while the command was being committed: it may or may not have been recorded. "
                            + "Sending it again with the same Idempotency-Key is safe (it is never recorded twice); "
                            + "without one, read the resource (e.g. its history) before sending it again");
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem));
        }
        if (t instanceof CommandsBusy) {
            log.warn("Command not started: {}", t.getMessage());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "the ledger is busy with other commands; nothing was written, retry shortly");
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, BUSY_RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem));
        }
        if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                || t instanceof org.springframework.transaction.CannotCreateTransactionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException) {
            log.warn("Event store unavailable: {}", t.toString());
            ProblemDetail problem = problem(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "the ledger's database cannot be reached; nothing was written, retry shortly");
            return Optional.of(ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ building problems

    private static ProblemDetail invalidInput(List<FieldProblem> errors) {
        List<FieldProblem> sorted = errors.stream()
                .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::message,
                        Comparator.nullsFirst(Comparator.naturalOrder())))
                .distinct()
                .toList();
        String detail = sorted.isEmpty() ? "the request is not valid"
                : String.join("; ", sorted.stream().map(e -> e.field() + " " + e.message()).toList());
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", detail);
        problem.setProperty("errors", sorted);
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code invalid-input} for 400, else the status's name: {@code not-found}, {@code method-not-allowed}, ... */
    private static String slugOf(HttpStatusCode status) {
        if (status.value() == 400) {
            return "invalid-input";
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
