package org.savingsledger.query.ui;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.query.web.QueryParameters;
import org.savingsledger.query.web.ReadYourWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A page opened with {@code ?consistencyToken=} (where a form sends the user after its command) waits, as the
 * API's queries do, until the read models have handled that command, so the page shows what the user has just
 * done. Unlike the API it never refuses the page: a token it cannot read, or read models still behind after the
 * wait, show the page as the ledger has it now.
 */
final class PageConsistency implements HandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(PageConsistency.class);

    private final ReadYourWrites readYourWrites;

    PageConsistency(ReadYourWrites readYourWrites) {
        this.readYourWrites = readYourWrites;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String token = request.getParameter("consistencyToken");
        try {
            readYourWrites.await(token == null || token.isBlank() ? null : token.strip());
        } catch (QueryParameters.InvalidQuery | ReadYourWrites.NotCaughtUp e) {
            log.info("Page {} shown without waiting for consistency token: {}", request.getRequestURI(), e.getMessage());
        }
        return true;
    }
}
