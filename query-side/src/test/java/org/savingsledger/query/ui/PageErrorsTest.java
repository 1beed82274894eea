package org.savingsledger.query.ui;

import org.junit.jupiter.api.Test;
import org.savingsledger.query.web.QueryParameters;
import org.savingsledger.web.CorrelationIdFilter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PageErrorsTest {

    private final PageErrors errors = new PageErrors();
    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void anUnexpectedFailureOfAPageIsTheServiceProblemPageWithTheCorrelationIdAndNoTrace() {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ui/committees/c1");
        request.setAttribute(CorrelationIdFilter.ATTRIBUTE, "trace-me-1");

        ModelAndView page = errors.resolveException(request, response, null, new IllegalStateException("boom at line 3"));

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(page.getViewName()).isEqualTo("service-problem");
        assertThat(page.getModel()).containsEntry("correlationId", "trace-me-1").doesNotContainValue("boom at line 3");
    }

    @Test
    void anUnknownPathAndAPageNotFoundAre404Pages() {
        ModelAndView unknown = errors.resolveException(new MockHttpServletRequest("GET", "/ui/nothing"), response, null,
                new NoResourceFoundException(org.springframework.http.HttpMethod.GET, "ui/nothing"));
        assertThat(unknown.getViewName()).isEqualTo("not-found");
        assertThat(response.getStatus()).isEqualTo(404);
        assertThat(errors.resolveException(new MockHttpServletRequest("GET", "/"), new MockHttpServletResponse(), null,
                new PageNotFound()).getViewName()).isEqualTo("not-found");
    }

    @Test
    void aParameterThatCannotBeReadIsA400PageNamingItAndItsRule() {
        ModelAndView page = errors.resolveException(new MockHttpServletRequest("GET", "/ui/committees/c1.xlsx"),
                response, null, new QueryParameters.InvalidQuery("effectiveOn", "must be a date like 2018-03-12"));

        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(page.getViewName()).isEqualTo("bad-request");
        assertThat(page.getModel().get("parameterProblems")).isEqualTo(
                List.of(new PageErrors.ParameterProblem("effectiveOn", "must be a date like 2018-03-12")));
    }

    @Test
    void theApiAndTheSecurityFiltersKeepTheirOwnAnswers() {
        assertThat(errors.resolveException(new MockHttpServletRequest("GET", "/api/committees/c1"), response, null,
                new IllegalStateException("boom"))).isNull();
        assertThat(errors.resolveException(new MockHttpServletRequest("GET", "/uix"), response, null,
                new IllegalStateException("boom"))).isNull();
        assertThat(errors.resolveException(new MockHttpServletRequest("GET", "/ui/committees/c1"), response, null,
                new AccessDeniedException("no"))).isNull();
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
