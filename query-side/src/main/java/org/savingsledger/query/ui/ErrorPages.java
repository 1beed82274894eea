package org.savingsledger.query.ui;

import org.savingsledger.web.CorrelationIdFilter;
import org.savingsledger.web.problem.ErrorPageAnswer;
import org.slf4j.MDC;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.RenderingResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import java.security.Principal;
import java.util.Optional;

/**
 * The pages' errors that reach the servlet container's error page rather than a page's controller: a form refused
 * by the security filters (403, a missing or stale CSRF token), a page that failed while it was being written out,
 * an exception of a filter. The same GOV.UK pages as {@link PageErrors} gives, never problem+json.
 */
@Component
class ErrorPages implements ErrorPageAnswer {

    @Override
    public Optional<ServerResponse> answer(int status, String path, ServerRequest request) {
        if (!PagePaths.isPage(path)) {
            return Optional.empty();
        }
        String view = status == 404 ? "not-found" : status == 400 ? "bad-request" : status == 403 ? "forbidden"
                : status >= 500 ? "service-problem" : "refused";
        RenderingResponse.Builder page = RenderingResponse.create(view).status(HttpStatusCode.valueOf(status))
                .modelAttribute("status", status);
        if (status == 403) {
            page.modelAttribute("title", "You do not have access");
        }
        request.principal().map(Principal::getName).ifPresent(name -> page.modelAttribute("signedInAs", name));
        String correlationId = MDC.get(CorrelationIdFilter.MDC_KEY);
        if (correlationId == null) {
            correlationId = request.servletRequest().getAttribute(CorrelationIdFilter.ATTRIBUTE) instanceof String id ? id
                    : null;
        }
        if (correlationId != null) {
            page.modelAttribute("correlationId", correlationId);
        }
        return Optional.of(page.build());
    }
}
