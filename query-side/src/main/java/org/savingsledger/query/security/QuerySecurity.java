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

/**
 * Who may read what: every request except commands ({@code POST /api/…}, the command side's). Who is
 * signed in, and everything a chain shares with the command side's, comes from {@link LedgerSecurity};
 * organisations are applied by the views ({@code LedgerViewsSource}).
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class QuerySecurity {

    @Bean
    @Order(1)
    SecurityFilterChain queryFilterChain(HttpSecurity http, SecurityChains chains) throws Exception {
        http.securityMatcher(request -> !(HttpMethod.POST.matches(request.getMethod())
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/")));
        return chains.build(http, requests -> requests
                .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name()));
    }
}
