package org.savingsledger.command.http;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Security observes nothing of its own (no observation and timer around each filter, the
 * authentication and the authorization of every request: about a fifth of a command's CPU on its request
 * thread), while http.server.requests still observes every request, signed in or refused.
 */
@LedgerHttpTest
class SecurityObservationsTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void requestsAreObservedOnceAsHttpServerRequestsAndNotBySpringSecurity() {
        String organisation = "observed-" + UUID.randomUUID().toString().substring(0, 8);
        String body = "{\"id\": \"" + organisation + "\", \"name\": \"Observed\"}";

        assertThat(ApiClient.anonymous(port).post("/api/organisations", body).status()).isEqualTo(401);
        assertThat(ApiClient.as(port, "admin", "not-the-password").post("/api/organisations", body).status()).isEqualTo(401);
        assertThat(new ApiClient(port).post("/api/organisations", body).status()).isEqualTo(201);

        // registered when a request's observation starts, before its answer is sent: no race with the answer
        assertThat(meters.find("http.server.requests.active").longTaskTimer()).isNotNull();
        assertThat(meters.getMeters()).map(meter -> meter.getId().getName())
                .noneMatch(name -> name.startsWith("spring.security"));
    }
}
