package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN = basic("admin", ApiClient.ADMIN_PASSWORD);
    /** The finance officer of Nottinghamshire configured in {@link LedgerHttpTest}. */
    private static final String FINANCE = basic("finance-notts", "pw");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private final HttpClient http = HttpClient.newHttpClient();
    private String programme;

    @BeforeEach
    void aProgramme() throws Exception {
        new ApiClient(port).withOrganisation("nottinghamshire");
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
    void aMalformedKeyIsA400AndKeptNowhere() throws Exception {
        HttpResponse<String> malformed = post("/api/programmes/" + programme + "/budget-approvals",
                "{\"amount\": 1, \"reason\": \"r\"}", "has space");
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("Idempotency-Key");
        assertThat(jdbc.queryForObject("select count(*) from idempotency_key where idem_key = 'has space'", Long.class)).isZero();
    }

    /**
     * Keys are kept per user: the same key from two users is two keys. Each user's first request runs
     * (the second is neither the first user's answer replayed nor refused as the key reused with another
     * body), each user's retry replays that user's own answer, and each key holds its own user's request.
     */
    @Test
    void theSameKeyFromTwoUsersIsTwoIndependentKeys() throws Exception {
        String key = UUID.randomUUID().toString();
        String path = "/api/programmes/" + programme + "/budget-approvals";
        String adminsBudget = "{\"amount\": 100, \"reason\": \"posts\"}";
        String financesBudget = "{\"amount\": 250, \"reason\": \"more posts\"}";
        long events = events();

        HttpResponse<String> admins = post(path, adminsBudget, key, ADMIN);
        HttpResponse<String> finances = post(path, financesBudget, key, FINANCE);
        assertThat(admins.statusCode()).as(admins.body()).isEqualTo(200);
        assertThat(finances.statusCode()).as(finances.body()).isEqualTo(200);
        assertThat(finances.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(version(finances)).isEqualTo(version(admins) + 1);
        assertThat(events()).isEqualTo(events + 2);
        assertThat(jdbc.queryForList("select principal from idempotency_key where idem_key = ? order by principal",
                String.class, key)).containsExactly("admin", "finance-notts");

        HttpResponse<String> adminsRetry = post(path, adminsBudget, key, ADMIN);
        HttpResponse<String> financesRetry = post(path, financesBudget, key, FINANCE);
        assertThat(adminsRetry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(adminsRetry.body()).isEqualTo(admins.body());
        assertThat(financesRetry.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(financesRetry.body()).isEqualTo(finances.body());
        // the administrator's request under the key is not the finance officer's: refused, not replayed
        HttpResponse<String> crossed = post(path, adminsBudget, key, FINANCE);
        assertThat(crossed.statusCode()).isEqualTo(422);
        assertThat(crossed.body()).contains("urn:savings-ledger:problem:idempotency-key-reused");
        assertThat(events()).isEqualTo(events + 2);
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
        // the requests may or may not overlap: 409 for one that arrived while the first ran, never a second run
        assertThat(answers).isSubsetOf(200, 409).contains(200);
        assertThat(events()).isEqualTo(events + 1);
    }

    private long events() {
        return jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
    }

    private static long version(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).path("version").asLong();
    }

    private HttpResponse<String> post(String path, String body, String key) throws Exception {
        return post(path, body, key, ADMIN);
    }

    private HttpResponse<String> post(String path, String body, String key, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder signed(HttpRequest.Builder request) {
        return request.header("Authorization", ADMIN);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
