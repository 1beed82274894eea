package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.savingsledger.command.security.CommandSecurity;
import org.savingsledger.web.CorrelationIdFilter;
import org.savingsledger.query.security.QuerySecurity;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords over HTTP Basic: failed sign-ins lock the user name and the client address for
 * a while, refused with 429 before any password is checked. Both chains of the all-in-one (queries
 * and commands) over one throttle, with small limits and a clock the test moves, in a context of
 * its own (security and web only: no stores) so no lock can touch the users other tests sign in as.
 */
@SpringBootTest(classes = SignInLockOutTest.Application.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD,
                "ledger.security.users.throttle-victim.password={noop}" + SignInLockOutTest.RIGHT,
                "ledger.security.users.throttle-victim.roles=FINANCE",
                "ledger.security.users.throttle-victim.organisations=nottinghamshire",
                "ledger.security.users.bystander.password={noop}" + SignInLockOutTest.RIGHT,
                "ledger.security.users.bystander.roles=VIEWER",
                "ledger.security.sign-in.user-failures=3",
                "ledger.security.sign-in.address-failures=10",
                "ledger.security.sign-in.window=15m",
                "ledger.security.sign-in.lock=1m",
                "ledger.security.sign-in.max-lock=15m",
                // tests log at WARN (logback-test.xml); each failure's INFO line is what this test reads
                "logging.level.org.savingsledger.web.access.SignInThrottle=INFO"})
@ExtendWith(OutputCaptureExtension.class)
class SignInLockOutTest {

    static final String RIGHT = "the-right-password";
    private static final String TOO_MANY = "urn:savings-ledger:problem:too-many-sign-in-attempts";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    @Autowired
    CountingEncoder encoder;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void aDayLaterEveryLockAndCountIsForgotten() {
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void aUserNameIsLockedAfterItsFailuresEvenForTheRightPasswordUntilTheLockPasses(CapturedOutput output) {
        ApiClient api = ApiClient.anonymous(port);
        double failed = count("ledger.security.sign-in.failures", "reason", "bad-credentials");
        double refused = count("ledger.security.sign-in.failures", "reason", "locked");
        double userLockouts = count("ledger.security.sign-in.lockouts", "scope", "user");
        int checks = encoder.checks.get();

        assertThat(api.as("throttle-victim", "wrong-password-1").get("/api/programmes", "X-Correlation-Id", "lockout-1").status())
                .isEqualTo(401);
        // user names are looked up ignoring case, so they are counted ignoring case
        assertThat(api.as("THROTTLE-VICTIM", "wrong-password-2").get("/api/programmes", "X-Correlation-Id", "lockout-2").status())
                .isEqualTo(401);
        // the commands' chain counts into the same throttle
        assertThat(api.as("throttle-victim", "wrong-password-3").post("/api/programmes", "{}").status()).isEqualTo(401);
        assertThat(encoder.checks.get() - checks).as("password checks for 3 failures").isEqualTo(3);

        int checksBeforeLocked = encoder.checks.get();
        ApiClient.Reply locked = api.as("throttle-victim", RIGHT).get("/api/programmes");
        assertTooMany(locked, 60);
        assertTooMany(api.as("throttle-victim", RIGHT).post("/api/programmes", "{}"), 60);
        assertTooMany(api.as("throttle-victim", "wrong-password-4").get("/api/programmes"), 60);
        assertThat(encoder.checks.get()).as("passwords checked while locked").isEqualTo(checksBeforeLocked);
        assertThat(api.as("bystander", RIGHT).get("/api/programmes").status()).as("another user").isEqualTo(200);

        assertThat(count("ledger.security.sign-in.failures", "reason", "bad-credentials")).isEqualTo(failed + 3);
        assertThat(count("ledger.security.sign-in.failures", "reason", "locked")).isEqualTo(refused + 3);
        assertThat(count("ledger.security.sign-in.lockouts", "scope", "user")).isEqualTo(userLockouts + 1);

        List<String> lines = output.getAll().lines().toList();
        assertThat(lines).filteredOn(line -> line.contains("Sign-in failed")).hasSize(3);
        assertThat(lines).filteredOn(line -> line.contains("[lockout-1]")).singleElement().asString()
                .contains("INFO", "Sign-in failed", "'throttle-victim'", "127.0.0.1", "1 of 3");
        assertThat(lines).filteredOn(line -> line.contains("[lockout-2]")).singleElement().asString()
                .contains("'THROTTLE-VICTIM'", "2 of 3");
        assertThat(lines).filteredOn(line -> line.contains("Sign-ins locked")).singleElement().asString()
                .contains("WARN", "user name 'throttle-victim'", "60 s", "127.0.0.1");
        assertThat(output.getAll()).doesNotContain("wrong-password", RIGHT);

        clock.advance(Duration.ofSeconds(59));
        assertTooMany(api.as("throttle-victim", RIGHT).get("/api/programmes"), 1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(api.as("throttle-victim", RIGHT).get("/api/programmes").status()).isEqualTo(200);
        assertThat(api.as("throttle-victim", RIGHT).post("/api/programmes", "{}").status()).isEqualTo(201);

        // failing on after a lock-out: the next one lasts twice as long
        for (int i = 0; i < 3; i++) {
            assertThat(api.as("throttle-victim", "wrong-again").get("/api/programmes").status()).isEqualTo(401);
        }
        assertTooMany(api.as("throttle-victim", RIGHT).get("/api/programmes"), 120);
    }

    @Test
    void anAddressIsLockedForEveryUserAfterItsFailures() {
        ApiClient api = ApiClient.anonymous(port);
        double addressLockouts = count("ledger.security.sign-in.lockouts", "scope", "address");
        // 10 failures from this address, no user name reaching its own limit of 3
        for (int user = 0; user < 5; user++) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertThat(api.as("stranger-" + user, "guess-" + attempt).get("/api/programmes").status()).isEqualTo(401);
            }
        }
        assertTooMany(api.as("bystander", RIGHT).get("/api/programmes"), 60);
        assertTooMany(api.as("admin", AllInOneTest.ADMIN_PASSWORD).post("/api/programmes", "{}"), 60);
        assertThat(count("ledger.security.sign-in.lockouts", "scope", "address")).isEqualTo(addressLockouts + 1);
        assertThat(api.get("/api/programmes").status()).as("no credentials: nothing to throttle").isEqualTo(401);

        clock.advance(Duration.ofMinutes(1));
        assertThat(api.as("bystander", RIGHT).get("/api/programmes").status()).isEqualTo(200);
    }

    private static void assertTooMany(ApiClient.Reply reply, int retryAfterSeconds) {
        assertThat(reply.status()).as(reply.toString()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo(String.valueOf(retryAfterSeconds));
        assertThat(reply.contentType()).startsWith("application/problem+json");
        JsonNode problem = reply.json();
        assertThat(problem.path("type").asText()).isEqualTo(TOO_MANY);
        assertThat(problem.path("status").asInt()).isEqualTo(429);
        assertThat(problem.path("detail").asText()).contains(retryAfterSeconds + " s");
        assertThat(reply.header("WWW-Authenticate")).isNull();
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        assertThat(counter).as(name + " " + tag + "=" + value + " registered").isNotNull();
        return counter.count();
    }

    /**
     * Just enough of the all-in-one: both security chains in their order, the correlation id, and two
     * endpoints. Not a {@code @Configuration} nor a controller: the all-in-one's component scan of the
     * tests' package would take them in.
     */
    @ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, JacksonAutoConfiguration.class,
            ServletWebServerFactoryAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
            WebMvcAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class, SecurityAutoConfiguration.class,
            SecurityFilterAutoConfiguration.class})
    @Import({QuerySecurity.class, CommandSecurity.class, CorrelationIdFilter.class})
    static class Application {

        @Bean
        RouterFunction<ServerResponse> programmes() {
            return RouterFunctions.route()
                    .GET("/api/programmes", request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body("[]"))
                    .POST("/api/programmes", request -> ServerResponse.status(HttpStatus.CREATED)
                            .contentType(MediaType.APPLICATION_JSON).body("{}"))
                    .build();
        }

        @Bean
        MovableClock clock() {
            return new MovableClock(Instant.parse("2030-01-01T00:00:00Z"));
        }

        @Bean
        @Primary
        CountingEncoder countingEncoder() {
            return new CountingEncoder();
        }

        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    /** The time the throttle sees, moved by the test instead of waiting. */
    static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    /** The application's password encoder, counting how often a password is checked (each check a slow hash in production). */
    static final class CountingEncoder implements PasswordEncoder {

        final AtomicInteger checks = new AtomicInteger();
        private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

        @Override
        public String encode(CharSequence rawPassword) {
            return encoder.encode(rawPassword);
        }

        @Override
        public boolean matches(CharSequence rawPassword, String encodedPassword) {
            checks.incrementAndGet();
            return encoder.matches(rawPassword, encodedPassword);
        }

        @Override
        public boolean upgradeEncoding(String encodedPassword) {
            return encoder.upgradeEncoding(encodedPassword);
        }
    }
}
