package org.savingsledger.query.ui;

import org.savingsledger.web.security.LedgerSecurity;
import org.savingsledger.web.security.SecurityChains;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import java.util.List;

/**
 * Who may open the web interface's pages: signed in with the form, the same users, roles and organisations as
 * the API. Ordered before the API's chains and matching only the pages' paths, so every API request keeps its
 * HTTP Basic, bearer tokens, no sessions and problem+json refusals.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerSecurity.class)
public class PageSecurity {

    /** The paths of the pages, the sign-in form and the styles, scripts, fonts and images they load. */
    static final String[] PATHS = {"/", "/ui/**", "/login", "/logout", "/webjars/**", "/assets/**"};

    @Bean
    @Order(0)
    SecurityFilterChain pageFilterChain(HttpSecurity http, SecurityChains chains) throws Exception {
        return chains.pages(http.securityMatcher(PATHS), "/login", List.of("/webjars/**", "/assets/**"),
                requests -> { });
    }
}
