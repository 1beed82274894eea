package org.savingsledger.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.savingsledger.web.access.SignInThrottle;
import org.savingsledger.web.users.StoredUsers;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;


import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The order of the sign-in lookup (the administrator and configured users before the stored ones,
 * which cannot shadow them) and what happens when the users' database cannot be read: configured users
 * still sign in, anyone else is answered 503, not told their password is wrong. The stored users
 * themselves are tested against PostgreSQL by {@code UserAdministrationTest} (ops).
 */
class LedgerUsersTest {

    private static final PasswordEncoder ENCODER = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    /** A database that is down. */
    private static final DataSource DOWN = new AbstractDataSource() {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("connection refused");
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    };

    private static LedgerUsers users(DataSource database) {
        return new LedgerUsers(new InMemoryUserDetailsManager(User.withUsername("viewer-notts").password("{noop}pw")
                .roles("VIEWER").build()), new StoredUsers(database, ENCODER, List.of("admin", "viewer-notts")));
    }

    @Test
    void configuredUsersSignInWithoutTheDatabase() {
        assertThat(users(DOWN).loadUserByUsername("Viewer-Notts").getUsername()).isEqualTo("viewer-notts");
    }

    @Test
    void withoutADatabaseThereAreNoStoredUsers() {
        StoredUsers none = new StoredUsers(null, ENCODER, List.of());
        assertThat(none.list()).isEmpty();
        assertThat(none.find("j.smith")).isEmpty();
        assertThatThrownBy(() -> users(null).loadUserByUsername("j.smith")).isInstanceOf(UsernameNotFoundException.class);
    }

    @Test
    void aNameNoStoredUserCanHaveIsNotLookedFor() {
        // the database is down, yet these are answered "no such user" (401) without asking it
        for (String name : List.of("", "J Smith", "j..smith", "x".repeat(65), "j:smith")) {
            assertThatThrownBy(() -> users(DOWN).loadUserByUsername(name)).as(name).isInstanceOf(UsernameNotFoundException.class);
        }
    }

    @Test
    void aSignInTheDatabaseCannotCheckIsA503() throws Exception {
        assertThatThrownBy(() -> users(DOWN).loadUserByUsername("j.smith")).isInstanceOf(DataAccessException.class);
        var provider = RememberingPasswords.provider(users(DOWN), ENCODER,
                new SignInThrottle(SignInThrottle.Limits.defaults(), Clock.systemUTC()), new SimpleMeterRegistry());
        assertThatThrownBy(() -> provider.authenticate(UsernamePasswordAuthenticationToken.unauthenticated("j.smith", "pw")))
                .isInstanceOf(InternalAuthenticationServiceException.class)
                .satisfies(e -> {
                    MockHttpServletResponse response = new MockHttpServletResponse();
                    new SecurityChains(new ObjectMapper(), new SecurityProperties(null, null, null, null), () -> provider, false)
                            .unauthenticated().commence(new MockHttpServletRequest(), response,
                                    (InternalAuthenticationServiceException) e);
                    assertThat(response.getStatus()).isEqualTo(503);
                    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
                    assertThat(response.getHeader("WWW-Authenticate")).isNull();
                    assertThat(response.getContentType()).isEqualTo("application/problem+json");
                    assertThat(response.getContentAsString()).contains("urn:savings-ledger:problem:service-unavailable");
                });
    }
}
