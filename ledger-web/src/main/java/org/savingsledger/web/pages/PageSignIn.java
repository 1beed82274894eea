package org.savingsledger.web.pages;

import jakarta.servlet.http.Cookie;
import org.savingsledger.web.security.SecurityChains;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.authentication.RememberMeAuthenticationToken;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.CookieRequestCache;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import java.time.Duration;

import static org.springframework.security.web.authentication.rememberme.TokenBasedRememberMeServices.RememberMeTokenAlgorithm.SHA256;

/**
 * Signing in to the pages without a session, so that any instance of a split deployment, command side or query
 * side, recognises a sign-in made on another, with no shared session store and no sticky sessions. The form's
 * success sets a cookie naming the user and when it expires, signed (HMAC-like SHA-256 over the name, the expiry,
 * the user's password hash and a key every instance shares): each request is signed in from it, a new password
 * ends it, and signing out clears it. CSRF tokens are double-submitted (a cookie and the form's field), the page
 * asked for before signing in is kept in a cookie, and a page the user's roles do not open is a GOV.UK page (403).
 */
final class PageSignIn implements SecurityChains.SignIn {

    static final String PAGE = "/login";
    static final String COOKIE = "ledger-sign-in";

    private final String key;
    private final Duration validity;
    private final UserDetailsService users;

    PageSignIn(String key, Duration validity, UserDetailsService users) {
        this.key = key;
        this.validity = validity;
        this.users = users;
    }

    @Override
    public void configure(HttpSecurity http) throws Exception {
        TokenBasedRememberMeServices signedIn = new TokenBasedRememberMeServices(key, users, SHA256);
        signedIn.setMatchingAlgorithm(SHA256);
        signedIn.setAlwaysRemember(true);
        signedIn.setCookieName(COOKIE);
        signedIn.setTokenValiditySeconds((int) validity.toSeconds());
        // the page asked for before signing in is opened after it, as asked
        CookieRequestCache asked = new CookieRequestCache();
        asked.setRequestMatcher(pagesWorthReturningTo());
        asked.setCookieCustomizer(PageSignIn::httpOnly);
        // every form's token is made as the page is (before the response is written), so its cookie is set in time
        XorCsrfTokenRequestAttributeHandler tokens = new XorCsrfTokenRequestAttributeHandler();
        tokens.setCsrfRequestAttributeName(null);
        CookieCsrfTokenRepository csrfTokens = new CookieCsrfTokenRepository();
        AccessDeniedHandlerImpl refused = new AccessDeniedHandlerImpl();
        refused.setErrorPage(ForbiddenPage.PATH);
        http.sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(asked))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens).csrfTokenRequestHandler(tokens)
                        .sessionAuthenticationStrategy(newTokenOnSigningIn(csrfTokens, tokens)))
                .formLogin(form -> form.loginPage(PAGE).defaultSuccessUrl("/", false).failureUrl(PAGE + "?error"))
                .rememberMe(remember -> remember.rememberMeServices(signedIn).key(key))
                .exceptionHandling(errors -> errors.accessDeniedHandler(refused)
                        .withObjectPostProcessor(signedInIsSignedIn()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(PAGE + "?signedOut")
                        .deleteCookies(COOKIE));
    }

    /**
     * A new CSRF token when someone signs in with the form, as Spring does; but being signed in from the cookie is
     * every request's way here, not a sign-in, so it keeps the token: else the styles and scripts a page loads would
     * each replace the token its form carries.
     */
    private static SessionAuthenticationStrategy newTokenOnSigningIn(CsrfTokenRepository repository,
                                                                     CsrfTokenRequestHandler handler) {
        CsrfAuthenticationStrategy replace = new CsrfAuthenticationStrategy(repository);
        replace.setRequestHandler(handler);
        return (authentication, request, response) -> {
            if (!(authentication instanceof RememberMeAuthenticationToken)) {
                replace.onAuthentication(authentication, request, response);
            }
        };
    }

    /**
     * A user signed in from the cookie whose roles do not open a page is refused (403), not sent to sign in again:
     * Spring treats a "remembered" user as not fully signed in, but here every signed-in request is one.
     */
    private static ObjectPostProcessor<ExceptionTranslationFilter> signedInIsSignedIn() {
        AuthenticationTrustResolverImpl trust = new AuthenticationTrustResolverImpl();
        trust.setRememberMeClass(null);
        return new ObjectPostProcessor<>() {
            @Override
            public <O extends ExceptionTranslationFilter> O postProcess(O filter) {
                filter.setAuthenticationTrustResolver(trust);
                return filter;
            }
        };
    }

    private static RequestMatcher pagesWorthReturningTo() {
        RequestMatcher notPages = new OrRequestMatcher(new AntPathRequestMatcher("/webjars/**"),
                new AntPathRequestMatcher("/assets/**"), new AntPathRequestMatcher(PAGE), new AntPathRequestMatcher("/logout"),
                new AntPathRequestMatcher("/favicon.ico"));
        RequestMatcher get = request -> HttpMethod.GET.matches(request.getMethod());
        return request -> get.matches(request) && new NegatedRequestMatcher(notPages).matches(request);
    }

    private static void httpOnly(Cookie cookie) {
        cookie.setHttpOnly(true);
    }
}
