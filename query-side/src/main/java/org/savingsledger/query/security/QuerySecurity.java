package org.savingsledger.query.security;

import org.savingsledger.web.access.Role;
import org.savingsledger.web.security.LedgerSecurity;
import org.savingsledger.web.security.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may read what: every request except commands ({@code POST /api/…}, the command side's). Who is
 * signed in, and everything a chain shares with the command side's, comes from {@link LedgerSecurity};
 * organisations are applied by the views ({@code LedgerViewsSource}).
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class QuerySecurity {

    /** Every request but a command: in the all-in-one the command side's chain, ordered after this one, takes those. */
    private static final RequestMatcher NOT_A_COMMAND = request -> !(HttpMethod.POST.matches(request.getMethod())
            && request.getRequestURI().startsWith(request.getContextPath() + "/api/"));

    @Bean
    @Order(1)
    SecurityFilterChain queryFilterChain(HttpSecurity http, SecurityChains chains) throws Exception {
        return chains.build(http.securityMatcher(NOT_A_COMMAND), requests -> requests
                .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name()));
    }
}
