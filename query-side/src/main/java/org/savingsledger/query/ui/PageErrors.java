package org.savingsledger.query.ui;

import org.savingsledger.web.pages.NothingToShow;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.web.QueryParameters;
import org.savingsledger.web.CorrelationIdFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ExceptionHandlerMethodResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.security.Principal;
import java.util.List;

/**
 * The pages' errors as pages in the GOV.UK style, never the API's problem+json nor a stack trace: whatever names
 * nothing the user may see (an unknown path, a malformed id, another organisation's id) is "Page not found" (404),
 * a query parameter that cannot be read is a 400 page naming it and the rule, anything else is "Sorry, there is a
 * problem with the service" (500) with the request's correlation id. It resolves exceptions before the handlers
 * of the API, and only for the pages' paths, so every API answer is the one it always was; a page's own
 * {@code @ExceptionHandler} methods go first, and the security filters keep their refusals.
 */
@Component
class PageErrors implements HandlerExceptionResolver, Ordered {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    /** A query parameter of a page that cannot be read, and the rule it breaks. */
    record ParameterProblem(String parameter, String rule) {
    }

    @Override
    public int getOrder() {
        // after Spring Boot's error attributes (which only record the exception), before Spring MVC's resolvers
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }

    @Override
    public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
                                         Exception exception) {
        if (!PagePaths.isPage(request.getRequestURI().substring(request.getContextPath().length()))
                || exception.getClass().getName().startsWith("org.springframework.security.")
                || handledByThePage(handler, exception)) {
            return null;
        }
        if (exception instanceof NothingToShow || exception instanceof NoResourceFoundException
                || exception instanceof NoHandlerFoundException
                || exception instanceof HttpRequestMethodNotSupportedException) {
            return page(request, response, HttpServletResponse.SC_NOT_FOUND, "not-found");
        }
        List<ParameterProblem> problems = parameterProblems(exception);
        if (!problems.isEmpty()) {
            ModelAndView page = page(request, response, HttpServletResponse.SC_BAD_REQUEST, "bad-request");
            page.addObject("parameterProblems", problems);
            return page;
        }
        log.error("A page failed: {} {}", request.getMethod(), request.getRequestURI(), exception);
        return serviceProblem(request, response);
    }

    /** The 500 page, with the request's correlation id when it has one. */
    static ModelAndView serviceProblem(HttpServletRequest request, HttpServletResponse response) {
        ModelAndView page = page(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "service-problem");
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        page.addObject("correlationId", correlationId != null ? correlationId
                : request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
        return page;
    }

    static ModelAndView page(HttpServletRequest request, HttpServletResponse response, int status, String view) {
        response.setStatus(status);
        ModelAndView page = new ModelAndView(view);
        page.setStatus(org.springframework.http.HttpStatus.valueOf(status));
        Principal user = request.getUserPrincipal();
        page.addObject("signedInAs", user == null ? null : user.getName());
        return page;
    }

    private static List<ParameterProblem> parameterProblems(Exception exception) {
        if (exception instanceof QueryParameters.UnknownParameters unknown) {
            String rule = unknown.known().isEmpty() ? "is not a parameter of this page, which takes none"
                    : "is not a parameter of this page; its parameters are "
                    + String.join(", ", unknown.known().stream().sorted().toList());
            return unknown.names().stream().map(name -> new ParameterProblem(name, rule)).toList();
        }
        if (exception instanceof QueryParameters.InvalidQuery invalid) {
            return List.of(new ParameterProblem(invalid.parameter(), invalid.getMessage()));
        }
        if (exception instanceof MissingServletRequestParameterException missing) {
            return List.of(new ParameterProblem(missing.getParameterName(), "is required"));
        }
        if (exception instanceof TypeMismatchException mismatch && mismatch.getPropertyName() != null) {
            return List.of(new ParameterProblem(mismatch.getPropertyName(), "is not a valid value"));
        }
        return List.of();
    }

    /** Whether the page's controller answers this exception itself (with an {@code @ExceptionHandler} of its own). */
    private static boolean handledByThePage(Object handler, Exception exception) {
        return handler instanceof HandlerMethod method
                && new ExceptionHandlerMethodResolver(method.getBeanType()).resolveMethodByThrowable(exception) != null;
    }
}
