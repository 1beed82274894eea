package org.savingsledger.query.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.net.URI;
import java.nio.file.Path;

/**
 * Who may use the operations endpoints under {@code /admin/}: the administrator, over HTTP Basic
 * (TLS in front, as for every deployment). Refusals are problem+json like every other answer.
 * The rest of the API is not restricted by this configuration.
 */
@Configuration(proxyBeanMethods = false)
public class AdminSecurity {

    public static final String ADMIN = "ADMIN";

    @Bean
    static PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    UserDetailsService administrators(PasswordEncoder encoder, @Value("${ledger.admin.password:}") String password,
                                      @Value("${ledger.data-dir:./data}") String dataDir) {
        return new InMemoryUserDetailsManager(User.withUsername(AdminAccount.USER)
                .password(AdminAccount.passwordHash(password, Path.of(dataDir), encoder)).roles(ADMIN).build());
    }

    @Bean
    SecurityFilterChain adminEndpoints(HttpSecurity http, ObjectMapper json) throws Exception {
        return http.securityMatcher("/admin/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(ADMIN))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Basic realm=\"Savings Ledger\"");
                    problem(response, json, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                            "sign in as an administrator (HTTP Basic)");
                }))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, e) ->
                        problem(response, json, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "the operations endpoints need the ADMIN role")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .anonymous(Customizer.withDefaults())
                .build();
    }

    private static void problem(jakarta.servlet.http.HttpServletResponse response, ObjectMapper json, HttpStatus status,
                                String type, String title, String detail) throws java.io.IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:savings-ledger:problem:" + type));
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
