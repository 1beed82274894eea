package org.savingsledger.web.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.SmartView;

import java.security.Principal;

/**
 * What the frame of every page shows besides the page itself: who is signed in (the header's name and sign-out
 * button; nobody on the sign-in form), and the success banner of the form just sent ({@code ?done=}, one of
 * {@link Done}'s words, never text from the URL).
 */
final class PageFrame implements HandlerInterceptor {

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView page) {
        // a redirect's model would become its query
        boolean redirect = page != null && (page.getViewName() != null && page.getViewName().startsWith("redirect:")
                || page.getView() instanceof SmartView view && view.isRedirectView());
        if (page == null || redirect) {
            return;
        }
        if (!page.getModel().containsKey("signedInAs")) {
            Principal principal = request.getUserPrincipal();
            page.addObject("signedInAs", principal == null ? null : principal.getName());
        }
        Done.of(request.getParameter(Done.PARAMETER)).ifPresent(done -> page.addObject("done", done.words()));
    }
}
