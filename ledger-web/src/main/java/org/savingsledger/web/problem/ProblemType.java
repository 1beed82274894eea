package org.savingsledger.web.problem;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/**
 * The problem types the ledger answers with itself, on both sides: each one's slug (the end of its
 * {@code type} URN), HTTP status and title. docs/errors.md lists the same types with the same statuses,
 * and {@code ErrorCatalogueDocumentationTest} fails when the two drift apart. Spring MVC's own refusals
 * (406, 415, …) are named from their status by {@link #slugOf}; a business rule's type is
 * {@link #BUSINESS_RULE}'s slug followed by the rule's.
 */
public enum ProblemType {

    INVALID_INPUT("invalid-input", HttpStatus.BAD_REQUEST, "Invalid input"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Authentication required"),
    FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),
    NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),
    METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),
    ID_IN_USE("conflict", HttpStatus.CONFLICT, "Id already in use"),
    /** The same type as {@link #ID_IN_USE}: a request that clashes with the state it finds (a rebuild under way). */
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    VERSION_CONFLICT("version-conflict", HttpStatus.CONFLICT, "Version conflict"),
    IDEMPOTENCY_KEY_IN_USE("idempotency-key-in-use", HttpStatus.CONFLICT, "Idempotency key in use"),
    PAYLOAD_TOO_LARGE("payload-too-large", HttpStatus.PAYLOAD_TOO_LARGE, "Payload too large"),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused"),
    BUSINESS_RULE("rule", HttpStatus.UNPROCESSABLE_ENTITY, "Refused by a business rule"),
    TOO_MANY_SIGN_IN_ATTEMPTS("too-many-sign-in-attempts", HttpStatus.TOO_MANY_REQUESTS, "Too many sign-in attempts"),
    INTERNAL_SERVER_ERROR("internal-server-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),
    SERVICE_UNAVAILABLE("service-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Service unavailable"),
    OUTCOME_UNKNOWN("outcome-unknown", HttpStatus.SERVICE_UNAVAILABLE, "Outcome unknown"),
    NOT_CAUGHT_UP("not-caught-up", HttpStatus.SERVICE_UNAVAILABLE, "Read models not caught up"),
    UNSUPPORTED_FILE("unsupported-file", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File not imported"),
    UNREADABLE_FILE("unreadable-file", HttpStatus.UNPROCESSABLE_ENTITY, "File cannot be read"),
    TRACKER_HAS_PROBLEMS("tracker-has-problems", HttpStatus.UNPROCESSABLE_ENTITY, "Tracker has problems");

    /** Every problem's {@code type} is this followed by its slug. */
    public static final String TYPE_PREFIX = "urn:savings-ledger:problem:";

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** This type's URN. */
    public URI type() {
        return uri(slug);
    }

    /** A problem of this type saying {@code detail}. */
    public ProblemDetail problem(String detail) {
        return problem(status, uri(slug), title, detail);
    }

    /** A refusal by the business rule named {@code ruleSlug}: {@code rule:<slug>}, with the slug also as {@code rule}. */
    public static ProblemDetail ruleViolation(String ruleSlug, String detail) {
        ProblemDetail problem = problem(BUSINESS_RULE.status, uri(BUSINESS_RULE.slug + ":" + ruleSlug), BUSINESS_RULE.title,
                detail);
        problem.setProperty("rule", ruleSlug);
        return problem;
    }

    /** The URN of the problem type {@code slug}. */
    public static URI uri(String slug) {
        return URI.create(TYPE_PREFIX + slug);
    }

    /** The slug of a problem Spring raised with {@code status}: {@code invalid-input} for 400, else the status's name. */
    public static String slugOf(HttpStatusCode status) {
        if (status.value() == HttpStatus.BAD_REQUEST.value()) {
            return INVALID_INPUT.slug;
        }
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : nameOf(known);
    }

    /** {@code not-found}, {@code method-not-allowed}, … */
    static String nameOf(HttpStatus status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static ProblemDetail problem(HttpStatusCode status, URI type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type);
        problem.setTitle(title);
        return problem;
    }
}
