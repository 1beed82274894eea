package org.savingsledger.web.pages;

import org.savingsledger.web.access.Role;
import org.savingsledger.web.security.LedgerSecurity;
import org.savingsledger.web.security.SecurityChains;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.web.SecurityFilterChain;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Who may open the web interface's pages, on every instance that serves any: the query side's pages and the
 * command side's forms ({@code /ui/edit/**}) alike. Both sides import this; Spring registers an imported class
 * once, so the all-in-one has one pages' chain. Ordered before the API's chains and matching only the pages'
 * paths, so every API request keeps its HTTP Basic, bearer tokens, no sessions and problem+json refusals.
 * A form needs the role its command needs in the API.
 */
@Configuration(proxyBeanMethods = false)
@Import({LedgerSecurity.class, PageResources.class, ForbiddenPage.class})
public class PageSecurity {

    private static final Logger log = LoggerFactory.getLogger(PageSecurity.class);

    /** The paths of the pages, the sign-in form and the styles, scripts, fonts and images they load. */
    public static final String[] PATHS = {"/", "/ui/**", "/login", "/logout", "/webjars/**", "/assets/**"};

    /** What anyone may open: the sign-in form, what pages load, and the page a refusal is shown on. */
    static final List<String> OPEN = List.of(PageSignIn.PAGE, "/webjars/**", "/assets/**", ForbiddenPage.PATH);

    @Bean
    @Order(0)
    SecurityFilterChain pageFilterChain(HttpSecurity http, SecurityChains chains, UserDetailsService users,
                                        @Value("${ledger.security.pages.signing-key:}") String signingKey,
                                        @Value("${ledger.security.pages.sign-in-validity:8h}") Duration validity)
            throws Exception {
        String finance = Role.FINANCE.name();
        String editor = Role.EDITOR.name();
        return chains.pages(http.securityMatcher(PATHS), OPEN, requests -> requests
                        .requestMatchers("/ui/edit/savings/*/delivery-corrections").hasRole(finance)
                        .requestMatchers("/ui/edit/savings/**", "/ui/edit/programmes/*/savings", "/ui/edit/imports")
                        .hasRole(editor)
                        .requestMatchers("/ui/edit/committees/*/reports").hasRole(Role.COMMITTEE_CLERK.name())
                        // a form no rule names is refused: every form states the role its command needs
                        .requestMatchers("/ui/edit/**").denyAll(),
                new PageSignIn(key(signingKey), validity, users));
    }

    /** Which forms the signed-in user may open: the links a page shows. */
    @Bean
    PageAccess pageAccess(RoleHierarchy roles) {
        return new PageAccess(roles);
    }

    private static String key(String configured) {
        if (!configured.isBlank()) {
            return configured;
        }
        log.warn("ledger.security.pages.signing-key is not set: a random key signs the web interface's sign-ins, "
                + "so they hold on this instance only and end when it restarts. Give every instance the same key.");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
