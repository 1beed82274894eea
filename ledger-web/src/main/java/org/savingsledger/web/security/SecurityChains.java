package org.savingsledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.DispatcherType;
import org.savingsledger.web.access.Grants;
import org.savingsledger.web.access.Role;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.util.List;
import java.util.function.Supplier;

/**
 * Builds a side's security chain: what every chain of the ledger shares — HTTP Basic, bearer tokens
 * when configured, problem+json refusals, no sessions, the error page open to the request it answers,
 * health open, and deny by default (anything no rule names, whatever its method, needs a reader's
 * role) — around the side's own rules of which request needs which role.
 */
public final class SecurityChains {

    /** A side's rules, between the shared first ones and the deny-by-default last one. */
    public interface Rules extends Customizer<AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry> {
    }

    private static final Logger log = LoggerFactory.getLogger(SecurityChains.class);

    /** What anyone may ask without signing in (the probes of load balancers and orchestrators). */
    public static final List<String> PUBLIC_PATHS = List.of("/actuator/health", "/actuator/health/**");

    private final ObjectMapper json;
    private final SecurityProperties properties;
    private final Supplier<AuthenticationProvider> passwords;
    private final boolean bearerTokens;

    SecurityChains(ObjectMapper json, SecurityProperties properties, Supplier<AuthenticationProvider> passwords,
                   boolean bearerTokens) {
        this.json = json;
        this.properties = properties;
        this.passwords = passwords;
        this.bearerTokens = bearerTokens;
    }

    /** The chain for the requests {@code http} matches, with {@code rules} in the middle. */
    public SecurityFilterChain build(HttpSecurity http, Rules rules) throws Exception {
        http.authorizeHttpRequests(requests -> {
            // the error page a refused or failed request is forwarded to answers for that request
            requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                    .requestMatchers(PUBLIC_PATHS.toArray(String[]::new)).permitAll();
            rules.customize(requests);
            // deny by default: a rule for GET alone would let HEAD (which runs the GET's handler), OPTIONS
            // and the rest through to anyone signed in
            requests.anyRequest().hasRole(Role.VIEWER.name());
        });
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        AccessDeniedHandler forbidden = (request, response, e) -> {
            ProblemDetail problem = ProblemType.FORBIDDEN.problem(
                    "your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
            Problems.write(response, json, problem);
        };
        // only this chain's providers check a password: the global manager Spring Security also builds from the
        // same users would check a wrong one a second time (two slow hashes per failure)
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated).accessDeniedHandler(forbidden))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable());
        if (bearerTokens) {
            http.oauth2ResourceServer(server -> server.authenticationEntryPoint(unauthenticated)
                    .accessDeniedHandler(forbidden)
                    .jwt(token -> token.jwtAuthenticationConverter(this::grants)));
        }
        // each chain its own provider, so each remembers the passwords it checked itself
        return http.authenticationProvider(passwords.get()).build();
    }

    /** What a pages' chain adds around its rules: how people sign in, stay signed in and sign out. */
    public interface SignIn {

        void configure(HttpSecurity http) throws Exception;
    }

    /**
     * The chain of the web interface's pages, for the requests {@code http} matches: signed in as {@code signIn}
     * says (the same users, passwords, throttle and roles as the API's chains), {@code openPaths} open to anyone,
     * and deny by default like the API's.
     */
    public SecurityFilterChain pages(HttpSecurity http, List<String> openPaths, Rules rules, SignIn signIn) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                    .requestMatchers(openPaths.toArray(String[]::new)).permitAll();
            rules.customize(requests);
            requests.anyRequest().hasRole(Role.VIEWER.name());
        });
        http.getSharedObject(AuthenticationManagerBuilder.class).parentAuthenticationManager(null);
        signIn.configure(http);
        http.httpBasic(basic -> basic.disable());
        return http.authenticationProvider(passwords.get()).build();
    }

    /**
     * A sign-in refused: 429 while locked, 503 when it could not be checked (the users' database cannot
     * be read), else 401 asking for credentials.
     */
    AuthenticationEntryPoint unauthenticated() {
        return (request, response, e) -> {
            if (e instanceof RememberingPasswords.SignInLocked locked) {
                long seconds = SignInThrottle.seconds(locked.retryAfter());
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                Problems.write(response, json, ProblemType.TOO_MANY_SIGN_IN_ATTEMPTS.problem(
                        "sign-ins as this user or from this address are paused after repeated failures; try again in "
                                + seconds + " s"));
                return;
            }
            if (e instanceof InternalAuthenticationServiceException) {
                // the users' database could not be read: not the client's fault, and no reason to sign in again
                log.error("A sign-in could not be checked", e);
                response.setHeader(HttpHeaders.RETRY_AFTER, "5");
                Problems.write(response, json, ProblemType.SERVICE_UNAVAILABLE.problem(
                        "sign-ins cannot be checked right now (the users' database cannot be reached); retry shortly"));
                return;
            }
            // one challenge per header: clients such as Apache HttpClient (Olingo's, Power Query's kind) read only the
            // first scheme of a combined header, and would never offer Basic after a Bearer
            response.setHeader("WWW-Authenticate", "Basic realm=\"Savings Ledger\"");
            if (bearerTokens) {
                response.addHeader("WWW-Authenticate", "Bearer");
            }
            Problems.write(response, json, ProblemType.UNAUTHENTICATED.problem(
                    "sign in (HTTP Basic" + (bearerTokens ? " or a bearer token" : "") + ")"));
        };
    }

    private AbstractAuthenticationToken grants(Jwt jwt) {
        var authorities = Grants.authorities(Grants.names(jwt.getClaim(properties.rolesClaim())),
                Grants.names(jwt.getClaim(properties.organisationsClaim()))).stream().map(SimpleGrantedAuthority::new).toList();
        String name = jwt.getClaimAsString(properties.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null || name.isBlank() ? jwt.getSubject() : name);
    }
}
