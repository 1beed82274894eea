package org.savingsledger.query.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * The error page: where the servlet container forwards a request it refused itself (a path under
 * {@code /WEB-INF/}) or one that failed outside Spring MVC (an exception thrown by a filter), and
 * what {@code GET /error} answers. Spring Boot's own page answered with its JSON, and a direct
 * {@code GET /error} with a 500 {@code {"status":999}}; this page answers problem+json like every
 * other error, and a direct request to it is an unknown path: 404.
 *
 * <p>Being an {@link ErrorController}, it makes Spring Boot's page back off. It is a functional
 * route rather than a {@code @Controller} so that the command side's identical page (the sides share
 * no code, so these lines repeat on purpose) can sit beside it in the all-in-one: the first route
 * answers, with no ambiguous mapping. In the query side on its own it also answers what Spring MVC
 * refuses outside {@link QueryProblems} (an unknown path, a wrong method).
 */
@Configuration(proxyBeanMethods = false)
class QueryErrorPage implements ErrorController {

    private static final String TYPE_PREFIX = "urn:savings-ledger:problem:";

    @Bean
    RouterFunction<ServerResponse> queryErrorRoute(@Value("${server.error.path:${error.path:/error}}") String path) {
        return RouterFunctions.route(RequestPredicates.path(path), QueryErrorPage::answer);
    }

    private static ServerResponse answer(ServerRequest request) {
        HttpServletRequest servlet = request.servletRequest();
        Object status = servlet.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = servlet.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        // without the container's attributes this is a request for the page itself, which is not a resource
        ProblemDetail problem = problem(status instanceof Integer code ? code : 404, servlet.getMethod(),
                status == null || uri == null ? servlet.getRequestURI() : uri.toString());
        return ServerResponse.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(int status, String method, String uri) {
        return switch (status) {
            case 400 -> {
                ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                        "the request could not be read");
                problem.setProperty("errors", List.of());
                yield problem;
            }
            case 401 -> problem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required", "sign in");
            case 403 -> problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "you may not " + method + " " + uri);
            case 404 -> problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "there is nothing at " + method + " " + uri);
            case 405 -> problem(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    method + " is not supported at " + uri);
            case 500 -> problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal-server-error", "Internal error",
                    "the server failed to process the request; the error has been logged");
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                        "the request could not be served (" + status + ")");
                problem.setType(URI.create(TYPE_PREFIX + (known == null ? "request-refused"
                        : known.name().toLowerCase(Locale.ROOT).replace('_', '-'))));
                problem.setTitle(known == null ? "Request refused" : known.getReasonPhrase());
                yield problem;
            }
        };
    }

    private static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_PREFIX + slug));
        problem.setTitle(title);
        return problem;
    }
}
