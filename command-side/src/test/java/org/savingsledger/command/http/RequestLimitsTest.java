package org.savingsledger.command.http;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Oversized bodies (413) and Idempotency-Key retries: refused or replayed, nothing written twice. */
@LedgerHttpTest
class RequestLimitsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String programme;

    @BeforeEach
    void aProgramme() throws Exception {
        programme = "limits-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(post("/api/programmes", """
                {"id": "%s", "organisation": "nottinghamshire", "name": "Limits", "savingsTarget": 1000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(programme), null).statusCode()).isEqualTo(201);
    }

    @Test
    void aBodyOverOneMebibyteIsA413WithOrWithoutContentLength() throws Exception {
        long events = events();
        String padding = "x".repeat(1024 * 1024);
        String body = "{\"savingsTarget\": 5, \"reason\": \"" + padding + "\"}";
        HttpResponse<String> announced = post("/api/programmes/" + programme + "/target", body, null);
        assertThat(announced.statusCode()).isEqualTo(413);
        assertThat(announced.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(announced.body()).contains("urn:savings-ledger:problem:payload-too-large");

        // chunked: no Content-Length, so the limit is found while reading
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = signed(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/programmes/"
                + programme + "/target")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofByteArray(bytes)))).build();
        assertThat(http.send(chunked, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(413);
        assertThat(events()).isEqualTo(events);
        // just under the limit is read (and refused by validation for its over-long reason, not by size)
        String under = "{\"savingsTarget\": 5, \"reason\": \"" + "x".repeat(1024 * 1024 - 100) + "\"}";
        assertThat(post("/api/programmes/" + programme + "/target", under, null).statusCode()).isEqualTo(400);
    }

    @Test
    void aRetryWithTheSameKeyAndRequestGetsTheFirstAnswerAndWritesNothing() throws Exception {
        String key = UUID.randomUUID().toString();
        String budget = "{\"amount\": 100, \"reason\": \"posts\"}";
        HttpResponse<String> first = post("/api/programmes/" + programme + "/budget-approvals", budget, key);
        assertThat(first.statusCode()).isEqualTo(200);
        long events = events();

        HttpResponse<String> retry = post("/api/programmes/" + programme + "/budget-approvals", budget, key);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(events()).isEqualTo(events);

        HttpResponse<String> other = post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 200, \"reason\": \"posts\"}", key);
        assertThat(other.statusCode()).isEqualTo(422);
        assertThat(other.body()).contains("urn:savings-ledger:problem:idempotency-key-reused");
        assertThat(events()).isEqualTo(events);

        // a create replays its 201 and Location; a refusal is replayed as the same refusal
        String createKey = UUID.randomUUID().toString();
        String saving = "{\"title\": \"t\", \"confidence\": \"STRETCH\", \"stage\": \"CONCEPT\", \"profile\": {}}";
        HttpResponse<String> created = post("/api/programmes/" + programme + "/savings", saving, createKey);
        HttpResponse<String> createdAgain = post("/api/programmes/" + programme + "/savings", saving, createKey);
        assertThat(createdAgain.statusCode()).isEqualTo(201);
        assertThat(createdAgain.headers().firstValue("Location")).isEqualTo(created.headers().firstValue("Location"));
        assertThat(createdAgain.body()).isEqualTo(created.body());
        String refusedKey = UUID.randomUUID().toString();
        String tooMuch = "{\"amount\": 0, \"reason\": \"nothing\"}";
        assertThat(post("/api/programmes/" + programme + "/budget-approvals", tooMuch, refusedKey).statusCode()).isEqualTo(400);
        assertThat(post("/api/programmes/" + programme + "/budget-approvals", tooMuch, refusedKey).statusCode()).isEqualTo(400);
    }

    @Test
    void aMalformedKeyIsA400AndKeysAreKeptPerUser() throws Exception {
        HttpResponse<String> malformed = post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 1, \"reason\": \"r\"}", "has space");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idem_key = 'has space'", Long.class)).isZero();
        String key = UUID.randomUUID().toString();
        post("/api/programmes/" + programme + "/budget-approvals", "{\"amount\": 1, \"reason\": \"r\"}", key);
        assertThat(jdbc.queryForObject("select principal from idempotency_key where idem_key = ?", String.class, key))
                .isEqualTo("admin");
    }

    @Test
    void concurrentRequestsWithOneKeyRunTheCommandOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        long events = events();
        var answers = IntStream.range(0, 8).parallel().mapToObj(i -> {
            try {
                return post("/api/programmes/" + programme + "/budget-approvals", "{\"amount\": 7, \"reason\": \"once\"}", key)
                        .statusCode();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(answers).containsOnly(200, 409).contains(200);
        assertThat(events()).isEqualTo(events + 1);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(signed(request).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request) {
        return request.header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(("admin:" + ApiClient.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
