package org.savingsledger.web.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
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

import java.util.List;
import java.util.Optional;

/**
 * The error page: where the servlet container forwards a request it refused itself (a path under
 * {@code /WEB-INF/}) or one that failed outside Spring MVC (an exception thrown by a filter), and
 * what {@code GET /error} answers. Spring Boot's own page answers with its JSON, and a direct
 * {@code GET /error} with a 500 {@code {"status":999}}; this page answers problem+json like every
 * other error, and a direct request to it is an unknown path: 404. On the query side alone it also
 * answers what Spring MVC refuses there (an unknown path, a wrong method). A request for a web page is
 * answered with the page an {@link ErrorPageAnswer} gives, when a side provides one.
 *
 * <p>Being an {@link ErrorController}, it makes Spring Boot's page back off. It is a functional route
 * rather than a {@code @Controller}, so no controller mapping can clash with it.
 */
@Configuration(proxyBeanMethods = false)
public class ProblemErrorPage implements ErrorController {

    @Bean
    RouterFunction<ServerResponse> problemErrorRoute(@Value("${server.error.path:${error.path:/error}}") String path,
                                                     ObjectProvider<ErrorPageAnswer> pages) {
        return RouterFunctions.route(RequestPredicates.path(path), request -> pageOr(request, pages));
    }

    /** A page's error as the side's page when it serves one for that request, else problem+json. */
    private static ServerResponse pageOr(ServerRequest request, ObjectProvider<ErrorPageAnswer> pages) {
        HttpServletRequest servlet = request.servletRequest();
        Object status = servlet.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object uri = servlet.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (status instanceof Integer code && uri != null) {
            String path = uri.toString().substring(servlet.getContextPath().length());
            return pages.orderedStream().map(page -> page.answer(code, path, request)).flatMap(Optional::stream)
                    .findFirst().orElseGet(() -> answer(request));
        }
        return answer(request);
    }

    /** The web server's own refusals, which never reach this page: see {@link ProblemErrorReportValve}. */
    @Bean
    static WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReportValve() {
        return new ProblemErrorReportValve.Installer();
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

    static ProblemDetail problem(int status, String method, String uri) {
        return switch (status) {
            case 400 -> {
                ProblemDetail problem = ProblemType.INVALID_INPUT.problem("the request could not be read");
                problem.setProperty("errors", List.of());
                yield problem;
            }
            case 401 -> ProblemType.UNAUTHENTICATED.problem("sign in");
            case 403 -> ProblemType.FORBIDDEN.problem("you may not " + method + " " + uri);
            case 404 -> ProblemType.NOT_FOUND.problem("there is nothing at " + method + " " + uri);
            case 405 -> ProblemType.METHOD_NOT_ALLOWED.problem(method + " is not supported at " + uri);
            case 500 -> ProblemType.INTERNAL_SERVER_ERROR.problem(
                    "the server failed to process the request; the error has been logged");
            default -> {
                HttpStatus known = HttpStatus.resolve(status);
                ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(status),
                        "the request could not be served (" + status + ")");
                problem.setType(ProblemType.uri(known == null ? ProblemErrorReportValve.REQUEST_REFUSED
                        : ProblemType.nameOf(known)));
                problem.setTitle(known == null ? ProblemErrorReportValve.TITLE : known.getReasonPhrase());
                yield problem;
            }
        };
    }
}
