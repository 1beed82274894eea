package org.savingsledger.ops;

import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSide;
import org.savingsledger.command.CommandSideApplication;
import org.savingsledger.command.security.CommandSecurity;
import org.savingsledger.command.web.WebConfig;
import org.savingsledger.query.QuerySide;
import org.savingsledger.query.QuerySideApplication;
import org.savingsledger.query.security.QuerySecurity;
import org.savingsledger.query.web.QueryWebConfig;
import org.savingsledger.web.BodyLimitFilter;
import org.savingsledger.web.CorrelationIdFilter;
import org.savingsledger.web.PublicLinks;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.security.SecurityChains;
import org.savingsledger.web.security.SecurityProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-in-one is the two sides imported side by side: each side's configuration and the web edge
 * they share are there once, each security chain is there, and neither side's application class,
 * which would bring its own copy of everything, is a bean.
 */
@AllInOneTest
class WiringTest {

    @Autowired
    ApplicationContext context;

    @Test
    void eachSideAndTheSharedEdgeAreThereOnce() {
        for (Class<?> type : List.of(CommandSide.class, QuerySide.class, WebConfig.class, QueryWebConfig.class,
                CommandSecurity.class, QuerySecurity.class, SecurityProperties.class, SecurityChains.class,
                UserDetailsService.class, PasswordEncoder.class, RoleHierarchy.class, SignInThrottle.class,
                PublicLinks.class, ErrorController.class, CorrelationIdFilter.class, BodyLimitFilter.class,
                org.savingsledger.web.pages.PageSecurity.class, org.savingsledger.web.pages.PageAccess.class)) {
            assertThat(context.getBeanNamesForType(type)).as(type.getSimpleName()).hasSize(1);
        }
        assertThat(context.getBeanNamesForType(SecurityFilterChain.class))
                .containsExactlyInAnyOrder("commandFilterChain", "queryFilterChain", "pageFilterChain");
    }

    @Test
    void noSideApplicationIsABean() {
        assertThat(context.getBeanNamesForType(CommandSideApplication.class)).isEmpty();
        assertThat(context.getBeanNamesForType(QuerySideApplication.class)).isEmpty();
    }

    @Test
    void bothSidesControllersAreThere() {
        assertThat(context.getBeansWithAnnotation(RestController.class).values())
                .extracting(bean -> bean.getClass().getPackageName().replaceFirst("^org\\.savingsledger\\.(\\w+)\\..*", "$1"))
                .contains("command", "query");
    }

    @Test
    void oneClock() {
        assertThat(context.getBeanNamesForType(Clock.class)).containsExactly("clock");
    }
}
