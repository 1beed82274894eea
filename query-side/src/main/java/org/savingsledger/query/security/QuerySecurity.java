package org.savingsledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import org.savingsledger.web.access.AdminAccount;
import org.savingsledger.web.access.Grants;
import org.savingsledger.web.access.Role;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.access.VerifiedCredentials;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.authentication.builders.AuthenticationManagerBuilder;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Who may read what: every request except commands ({@code POST /api/…}, the command side's). Users
 * and tokens as on the command side (its {@code CommandSecurity} holds the same rules for its own
 * deployable: the two sides share no code but the events, so these lines repeat on purpose): the
 * administrator and {@code ledger.security.users} over HTTP Basic, and/or bearer tokens of an OpenID
 * Connect provider. Organisations are applied by the views ({@code LedgerViewsSource}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(QuerySecurity.SecurityProperties.class)
public class QuerySecurity {

    private static final Logger log = LoggerFactory.getLogger(QuerySecurity.class);
    /** Failed sign-ins and lock-outs, under one logger name on both sides (docs/security.md). */
    private static final Logger signIns = LoggerFactory.getLogger(SignInThrottle.class);

    /** {@code ledger.security}: local users and the claims that carry roles and organisations in tokens. */
    @ConfigurationProperties("ledger.security")
    public record SecurityProperties(Map<String, LocalUser> users, String rolesClaim, String organisationsClaim,
                                     String nameClaim) {

        public SecurityProperties {
            users = users == null ? Map.of() : users;
            rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
            organisationsClaim = organisationsClaim == null ? "organisations" : organisationsClaim;
            nameClaim = nameClaim == null ? "preferred_username" : nameClaim;
        }

        /** A configured user: password hash ({@code {bcrypt}…}), roles, organisations. */
        public record LocalUser(String password, List<String> roles, List<String> organisations) {
        }
    }

    @Bean
    @ConditionalOnMissingBean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A URL Spring Security's firewall refuses (encoded slashes, odd characters) is a 400 like any bad input. */
    @Bean
    @ConditionalOnMissingBean
    static RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> problem(response, json, HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input",
                "the request's URL is refused: it contains characters or sequences no path of this API has");
    }

    /** Every role may read; the administrator holds every role. */
    @Bean
    @ConditionalOnMissingBean
    static RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Role.ADMIN.name()).implies(Role.EDITOR.name(), Role.FINANCE.name(), Role.COMMITTEE_CLERK.name())
                .role(Role.EDITOR.name()).implies(Role.VIEWER.name())
                .role(Role.FINANCE.name()).implies(Role.VIEWER.name())
                .role(Role.COMMITTEE_CLERK.name()).implies(Role.VIEWER.name())
                .build();
    }

    /**
     * Failed sign-ins per user name and client address ({@code ledger.security.sign-in.*}): one throttle
     * for every chain of the process, so commands and queries count together.
     */
    @Bean
    @ConditionalOnMissingBean
    static SignInThrottle signInThrottle(Environment environment, ObjectProvider<Clock> clock) {
        return new SignInThrottle(Binder.get(environment).bindOrCreate("ledger.security.sign-in", SignInThrottle.Limits.class),
                clock.getIfUnique(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnMissingBean
    UserDetailsService ledgerUsers(SecurityProperties properties, PasswordEncoder encoder,
                                   @Value("${ledger.admin.password:}") String adminPassword,
                                   @Value("${ledger.data-dir:./data}") String dataDir) {
        List<UserDetails> users = new ArrayList<>();
        users.add(user(AdminAccount.USER, AdminAccount.passwordHash(adminPassword, Path.of(dataDir), encoder::encode, log::warn),
                List.of(Role.ADMIN.name()), List.of()));
        properties.users().forEach((name, user) -> users.add(user(name, user.password(), user.roles(), user.organisations())));
        return new InMemoryUserDetailsManager(users);
    }

    private static UserDetails user(String name, String passwordHash, List<String> roles, List<String> organisations) {
        return User.withUsername(name).password(passwordHash)
                .authorities(Grants.authorities(roles, organisations).stream().map(SimpleGrantedAuthority::new).toList())
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain queryFilterChain(HttpSecurity http, ObjectMapper json, SecurityProperties properties,
                                        UserDetailsService users, PasswordEncoder encoder, SignInThrottle throttle,
                                        ObjectProvider<MeterRegistry> meters, ObjectProvider<JwtDecoder> jwt) throws Exception {
        http.securityMatcher(request -> !(HttpMethod.POST.matches(request.getMethod())
                        && request.getRequestURI().startsWith(request.getContextPath() + "/api/")))
                .authorizeHttpRequests(requests -> requests
                        // the error page a refused or failed request is forwarded to answers for that request
                        .dispatcherTypeMatchers(jakarta.servlet.DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                        // deny by default: every other request, whatever its method, needs a reader's role. (A rule for
                        // GET alone let HEAD, which runs the GET's handler, OPTIONS and the rest through to anyone signed in.)
                        .anyRequest().hasRole(Role.VIEWER.name()));
        return secure(http, json, properties, jwt.getIfAvailable() != null)
                .authenticationProvider(rememberingPasswords(users, encoder, throttle,
                        meters.getIfAvailable(SimpleMeterRegistry::new))).build();
    }

    /** What every chain of the ledger shares: HTTP Basic, bearer tokens when configured, problem+json refusals, no sessions. */
    static HttpSecurity secure(HttpSecurity http, ObjectMapper json, SecurityProperties properties,
                                      boolean bearerTokens) throws Exception {
        AuthenticationEntryPoint unauthenticated = (request, response, e) -> {
            if (e instanceof SignInLocked locked) {
                long seconds = SignInThrottle.seconds(locked.retryAfter);
                response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
                problem(response, json, HttpStatus.TOO_MANY_REQUESTS, "too-many-sign-in-attempts", "Too many sign-in attempts",
                        "sign-ins as this user or from this address are paused after repeated failures; try again in "
                                + seconds + " s");
                return;
            }
            response.setHeader("WWW-Authenticate", bearerTokens ? "Bearer, Basic realm=\"Savings Ledger\""
                    : "Basic realm=\"Savings Ledger\"");
            problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "sign in (HTTP Basic" + (bearerTokens ? " or a bearer token" : "") + ")");
        };
        AccessDeniedHandler forbidden = (request, response, e) -> problem(response, json, HttpStatus.FORBIDDEN,
                "forbidden", "Forbidden", "your roles do not allow " + request.getMethod() + " " + request.getRequestURI());
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
                    .jwt(token -> token.jwtAuthenticationConverter(jwt -> grants(jwt, properties))));
        }
        return http;
    }

    /**
     * Checks HTTP Basic passwords with the slow hash once per user every few minutes, not on every
     * request; and not at all while the user name or the client address is locked by the throttle,
     * which counts every wrong one (logged, never with the password, and metered).
     */
    static AuthenticationProvider rememberingPasswords(UserDetailsService users, PasswordEncoder encoder,
                                                       SignInThrottle throttle, MeterRegistry meters) {
        VerifiedCredentials verified = new VerifiedCredentials(Duration.ofMinutes(5));
        Counter failed = signInFailures(meters, "bad-credentials");
        Counter refused = signInFailures(meters, "locked");
        Map<SignInThrottle.Scope, Counter> lockouts = new EnumMap<>(SignInThrottle.Scope.class);
        for (SignInThrottle.Scope scope : SignInThrottle.Scope.values()) {
            lockouts.put(scope, Counter.builder("ledger.security.sign-in.lockouts")
                    .description("User names and client addresses locked after repeated failed sign-ins")
                    .tag("scope", scope.tag()).register(meters));
        }
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(encoder) {
            @Override
            public Authentication authenticate(Authentication authentication) {
                String address = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
                Duration locked = throttle.lockedFor(authentication.getName(), address);
                if (!locked.isZero()) {
                    refused.increment();
                    throw new SignInLocked(locked);
                }
                try {
                    return super.authenticate(authentication);
                } catch (BadCredentialsException wrong) {
                    SignInThrottle.Failure failure = throttle.failed(authentication.getName(), address);
                    failed.increment();
                    signIns.info(failure.message());
                    for (SignInThrottle.Lockout lockout : failure.lockouts()) {
                        lockouts.get(lockout.scope()).increment();
                        signIns.warn(lockout.message());
                    }
                    throw wrong;
                }
            }

            @Override
            protected void additionalAuthenticationChecks(UserDetails user, UsernamePasswordAuthenticationToken authentication) {
                String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
                if (password != null && verified.recentlyVerified(user.getUsername(), user.getPassword(), password)) {
                    return;
                }
                super.additionalAuthenticationChecks(user, authentication);
                verified.remember(user.getUsername(), user.getPassword(), password);
            }
        };
        provider.setUserDetailsService(users);
        return provider;
    }

    private static Counter signInFailures(MeterRegistry meters, String reason) {
        return Counter.builder("ledger.security.sign-in.failures")
                .description("Failed HTTP Basic sign-ins: bad-credentials (checked and wrong, or no such user), "
                        + "locked (refused unchecked while the user name or address is locked)")
                .tag("reason", reason).register(meters);
    }

    /** A sign-in refused unchecked while its user name or client address is locked: 429 with Retry-After. */
    static final class SignInLocked extends LockedException {

        private final transient Duration retryAfter;

        SignInLocked(Duration retryAfter) {
            super("sign-ins locked for " + retryAfter);
            this.retryAfter = retryAfter;
        }
    }

    private static AbstractAuthenticationToken grants(Jwt jwt, SecurityProperties properties) {
        var authorities = Grants.authorities(Grants.names(jwt.getClaim(properties.rolesClaim())),
                Grants.names(jwt.getClaim(properties.organisationsClaim()))).stream().map(SimpleGrantedAuthority::new).toList();
        String name = jwt.getClaimAsString(properties.nameClaim());
        return new JwtAuthenticationToken(jwt, authorities, name == null || name.isBlank() ? jwt.getSubject() : name);
    }

    static void problem(HttpServletResponse response, ObjectMapper json, HttpStatus status, String type, String title,
                        String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:savings-ledger:problem:" + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
