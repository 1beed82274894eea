package org.savingsledger.command.security;

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
 * Which role may send which command. Who is signed in, and everything a chain shares with the query
 * side's, comes from {@link LedgerSecurity}; organisations are checked per command by
 * {@link OrganisationAccess}. In the all-in-one the query side's chain takes every request that is not
 * a command; alone, this chain takes everything.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class CommandSecurity {

    @Bean
    @Order(2)
    SecurityFilterChain commandFilterChain(HttpSecurity http, SecurityChains chains) throws Exception {
        String finance = Role.FINANCE.name();
        return chains.build(http, requests -> requests
                .requestMatchers("/admin/**", "/actuator/**").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/organisations").hasRole(Role.ADMIN.name())
                .requestMatchers(HttpMethod.POST, "/api/programmes", "/api/programmes/*/target",
                        "/api/programmes/*/budget-approvals", "/api/programmes/*/cost-drawdowns",
                        "/api/programmes/*/budget-corrections", "/api/programmes/*/cost-drawdown-corrections",
                        "/api/programmes/*/details", "/api/programmes/*/period",
                        "/api/programmes/*/pending-budget-resolutions").hasRole(finance)
                .requestMatchers(HttpMethod.POST, "/api/programmes/*/savings", "/api/imports").hasRole(Role.EDITOR.name())
                .requestMatchers(HttpMethod.POST, "/api/savings/*/delivery-corrections").hasRole(finance)
                .requestMatchers(HttpMethod.POST, "/api/savings/**").hasRole(Role.EDITOR.name())
                .requestMatchers(HttpMethod.POST, "/api/committees", "/api/committees/**")
                .hasRole(Role.COMMITTEE_CLERK.name()));
    }
}
