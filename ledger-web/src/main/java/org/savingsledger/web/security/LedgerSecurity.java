package org.savingsledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.savingsledger.web.access.AdminAccount;
import org.savingsledger.web.access.Grants;
import org.savingsledger.web.access.Role;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.problem.Problems;
import org.savingsledger.web.users.StoredUsers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Who is signed in, for every security chain of the process: the administrator, the users of
 * {@code ledger.security.users} and those administrators keep in the database (HTTP Basic, hashed
 * passwords), and/or the bearer tokens of an OpenID Connect provider when
 * {@code spring.security.oauth2.resourceserver.jwt.*} is set (roles and organisations from claims).
 * Each side imports this and adds only its chain, the rules of which request needs which role
 * ({@link SecurityChains#build}); in the all-in-one both import it and Spring makes its beans once, so
 * commands and queries share one user list and one sign-in throttle.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class LedgerSecurity {

    private static final Logger log = LoggerFactory.getLogger(LedgerSecurity.class);

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * No observations of Spring Security's own: with an observation registry (actuator) it otherwise wraps every
     * filter of the chain, the authentication and the authorization of every request in an observation and a timer
     * (spring.security.filterchains, .authentications, .authorizations), which nothing reads: the dashboard and alerts
     * use http.server.requests and the ledger's own meters, and failed sign-ins are counted by
     * {@code ledger.security.sign-in.failures}. Measured as about a fifth of an API request's CPU on its request
     * thread (docs/benchmarks.md). http.server.requests still times every request, refusals included.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /** A URL Spring Security's firewall refuses (encoded slashes, odd characters) is a 400 like any bad input. */
    @Bean
    static RequestRejectedHandler requestRejectedHandler(ObjectMapper json) {
        return (request, response, e) -> {
            var problem = ProblemType.INVALID_INPUT.problem(
                    "the request's URL is refused: it contains characters or sequences no path of this API has");
            Problems.write(response, json, problem);
        };
    }

    /** Every role may read; the administrator holds every role. */
    @Bean
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
    static SignInThrottle signInThrottle(Environment environment, ObjectProvider<Clock> clock) {
        return new SignInThrottle(Binder.get(environment).bindOrCreate("ledger.security.sign-in", SignInThrottle.Limits.class),
                clock.getIfUnique(Clock::systemUTC));
    }

    /**
     * The users administrators keep over {@code /admin/users}, in the event store's database (both sides
     * reach it); none without a database. No stored user may take the name of a configured one.
     */
    @Bean
    StoredUsers storedUsers(ObjectProvider<DataSource> dataSource, PasswordEncoder encoder,
                                   SecurityProperties properties) {
        List<String> configured = new ArrayList<>(properties.users().keySet());
        configured.add(AdminAccount.USER);
        return new StoredUsers(dataSource.getIfUnique(), encoder, configured);
    }

    @Bean
    UserDetailsService ledgerUsers(SecurityProperties properties, PasswordEncoder encoder, StoredUsers stored,
                                   @Value("${ledger.admin.password:}") String adminPassword,
                                   @Value("${ledger.data-dir:./data}") String dataDir, Environment environment) {
        UnreachableUsers.in(environment).forEach(name -> log.warn(UnreachableUsers.warning(name)));
        List<UserDetails> users = new ArrayList<>();
        users.add(user(AdminAccount.USER, AdminAccount.passwordHash(adminPassword, Path.of(dataDir), encoder::encode, log::warn),
                List.of(Role.ADMIN.name()), List.of()));
        properties.users().forEach((name, user) -> users.add(user(name, user.password(), user.roles(), user.organisations())));
        return new LedgerUsers(new InMemoryUserDetailsManager(users), stored);
    }

    @Bean
    SecurityChains securityChains(ObjectMapper json, SecurityProperties properties, UserDetailsService users,
                                  PasswordEncoder encoder, SignInThrottle throttle, ObjectProvider<MeterRegistry> meters,
                                  ObjectProvider<JwtDecoder> jwt) {
        return new SecurityChains(json, properties, () -> RememberingPasswords.provider(users, encoder, throttle,
                meters.getIfAvailable(SimpleMeterRegistry::new)), jwt.getIfAvailable() != null);
    }

    private static UserDetails user(String name, String passwordHash, List<String> roles, List<String> organisations) {
        return User.withUsername(name).password(passwordHash)
                .authorities(Grants.authorities(roles, organisations).stream().map(SimpleGrantedAuthority::new).toList())
                .build();
    }
}
