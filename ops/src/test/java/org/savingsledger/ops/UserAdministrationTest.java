package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Users administrators keep over {@code /admin/users}: they sign in at once, their grants decide
 * what they see and do, a new password and a disabled account hold from the next request, every
 * change is audited with who and when and never the password; bad input, names in use, stale versions
 * and non-administrators are refused with nothing written. Each test makes users of its own.
 */
@AllInOneTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserAdministrationTest {

    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    private static final String NOTTS = "users-notts-" + RUN;
    private static final String LEICS = "users-leics-" + RUN;
    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    private ApiClient admin;

    @BeforeAll
    void aProgrammeInEachOrganisation() {
        admin = new ApiClient(port);
        for (String[] programme : List.of(new String[] {NOTTS, "nottinghamshire"}, new String[] {LEICS, "leicestershire"})) {
            admin.withOrganisation(programme[1]);
            ApiClient.Reply launched = admin.post("/api/programmes", """
                    {"id": "%s", "organisation": "%s", "name": "Users", "savingsTarget": 1000,
                     "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(programme[0], programme[1]));
            assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
            assertThat(admin.get("/api/programmes/" + programme[0] + "?consistencyToken="
                    + launched.json().path("consistencyToken").asText()).status()).isEqualTo(200);
        }
    }

    /** A user name no other test uses, with a dot as people's names have. */
    private static String fresh() {
        return "u." + UUID.randomUUID().toString().substring(0, 12);
    }

    private ApiClient.Reply create(String name, String roles, String organisations) {
        return admin.post("/admin/users", """
                {"name": "%s", "password": "%s", "roles": %s, "organisations": %s}""".formatted(name, PASSWORD, roles, organisations));
    }

    @Test
    void aStoredUserSignsInWithItsGrantsUntilDisabledAndEveryChangeIsAudited() {
        Instant before = Instant.now();
        String name = fresh();
        ApiClient.Reply created = create(name, "[\"EDITOR\"]", "[\"Nottinghamshire\"]");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.location()).endsWith("/admin/users/" + name);
        assertThat(created.json().path("name").asText()).isEqualTo(name);
        assertThat(created.json().path("roles")).extracting(JsonNode::asText).containsExactly("EDITOR");
        assertThat(created.json().path("organisations")).extracting(JsonNode::asText).containsExactly("nottinghamshire");
        assertThat(created.json().path("enabled").asBoolean()).isTrue();
        assertThat(created.version()).isEqualTo(1);
        assertThat(created.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("bcrypt").doesNotContain("password");

        // signs in at once, ignoring case like every user; the organisation hides, the role decides
        ApiClient user = admin.as(name.toUpperCase(), PASSWORD);
        assertThat(user.get("/api/programmes/" + NOTTS).status()).isEqualTo(200);
        assertThat(user.get("/api/programmes/" + LEICS).status()).isEqualTo(404);
        ApiClient.Reply proposed = user.post("/api/programmes/" + NOTTS + "/savings", """
                {"title": "Stored", "confidence": "STRETCH", "stage": "CONCEPT", "profile": {}}""");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        JsonNode history = user.get("/api/savings/" + proposed.id() + "/history?consistencyToken="
                + proposed.json().path("consistencyToken").asText()).json();
        assertThat(history.get(0).path("actor").asText()).isEqualTo(name);
        String budget = "{\"amount\": 10, \"reason\": \"posts\"}";
        assertThat(user.post("/api/programmes/" + NOTTS + "/budget-approvals", budget).status()).isEqualTo(403);
        assertThat(user.get("/admin/users").status()).isEqualTo(403);

        // new roles and organisations hold from the next request
        ApiClient.Reply roles = admin.put("/admin/users/" + name + "/roles", "{\"roles\": [\"FINANCE\", \"EDITOR\"]}");
        assertThat(roles.status()).as(roles.toString()).isEqualTo(200);
        assertThat(roles.json().path("roles")).extracting(JsonNode::asText).containsExactly("EDITOR", "FINANCE");
        assertThat(roles.version()).isEqualTo(2);
        assertThat(user.post("/api/programmes/" + NOTTS + "/budget-approvals", budget).status()).isEqualTo(200);
        ApiClient.Reply organisations = admin.put("/admin/users/" + name + "/organisations",
                "{\"organisations\": [\"leicestershire\"], \"expectedVersion\": 2}");
        assertThat(organisations.status()).as(organisations.toString()).isEqualTo(200);
        assertThat(user.get("/api/programmes/" + NOTTS).status()).isEqualTo(404);
        assertThat(user.get("/api/programmes/" + LEICS).status()).isEqualTo(200);
        assertThat(user.post("/api/programmes/" + NOTTS + "/budget-approvals", budget).status()).isEqualTo(404);

        // a new password: the old one is refused at once
        String newPassword = "another long passphrase";
        assertThat(admin.put("/admin/users/" + name + "/password", "{\"password\": \"%s\"}".formatted(newPassword)).status())
                .isEqualTo(200);
        assertThat(user.get("/api/programmes/" + LEICS).status()).isEqualTo(401);
        ApiClient renewed = admin.as(name, newPassword);
        assertThat(renewed.get("/api/programmes/" + LEICS).status()).isEqualTo(200);

        // disabled: refused at once, the right password too; enabled again: back
        ApiClient.Reply disabled = admin.post("/admin/users/" + name + "/disable", "");
        assertThat(disabled.status()).as(disabled.toString()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        ApiClient.Reply refused = renewed.get("/api/programmes/" + LEICS);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(admin.post("/admin/users/" + name + "/disable", "").version()).as("disabling twice changes nothing").isEqualTo(5);
        assertThat(admin.post("/admin/users/" + name + "/enable", "{\"expectedVersion\": 5}").status()).isEqualTo(200);
        assertThat(renewed.get("/api/programmes/" + LEICS).status()).isEqualTo(200);

        ApiClient.Reply changes = admin.get("/admin/users/" + name + "/changes");
        assertThat(changes.status()).isEqualTo(200);
        assertThat(changes.body()).doesNotContain(PASSWORD).doesNotContain(newPassword).doesNotContain("$2a$");
        assertThat(changes.json()).extracting(change -> change.path("version").asLong()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(changes.json()).extracting(change -> change.path("changedBy").asText()).containsOnly("admin");
        assertThat(changes.json()).extracting(change -> change.path("change").asText()).containsExactly(
                "created with roles [EDITOR] and organisations [nottinghamshire]",
                "roles [EDITOR] -> [EDITOR, FINANCE]",
                "organisations [nottinghamshire] -> [leicestershire]",
                "password set",
                "disabled",
                "enabled");
        for (JsonNode change : changes.json()) {
            assertThat(Instant.parse(change.path("changedAt").asText())).isBetween(before.minusSeconds(5), Instant.now());
        }
        ApiClient.Reply listed = admin.get("/admin/users");
        assertThat(listed.json()).extracting(u -> u.path("name").asText()).contains(name).doesNotContain("admin", "viewer-notts");
        assertThat(admin.get("/admin/users/" + name.toUpperCase()).json().path("version").asLong()).isEqualTo(6);
    }

    @Test
    void aStoredAdministratorAdministersUsers() {
        String name = fresh();
        assertThat(create(name, "[\"ADMIN\"]", "[]").status()).isEqualTo(201);
        ApiClient other = admin.as(name, PASSWORD);
        String created = fresh();
        assertThat(other.post("/admin/users", """
                {"name": "%s", "password": "%s", "roles": ["VIEWER"], "organisations": ["leicestershire"]}"""
                .formatted(created, PASSWORD)).status()).isEqualTo(201);
        assertThat(other.get("/api/programmes/" + NOTTS).status()).isEqualTo(200);
        assertThat(admin.get("/admin/users/" + created + "/changes").json().get(0).path("changedBy").asText()).isEqualTo(name);
    }

    static Stream<Arguments> badBodies() {
        return Stream.of(
                Arguments.of("{\"name\": \"J.Smith\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "name"),
                Arguments.of("{\"name\": \"j..smith\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "name"),
                Arguments.of("{\"name\": \"j:smith\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "name"),
                Arguments.of("{\"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "name"),
                Arguments.of("{\"name\": \"%s\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "password"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"short pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "password"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"" + "x".repeat(73) + "\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "password"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough\\u0000pass\", \"roles\": [\"VIEWER\"], \"organisations\": []}", "password"),
                Arguments.of("{\"name\": \"%s\", \"password\": 123456789012345, \"roles\": [\"VIEWER\"], \"organisations\": []}", "password"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [], \"organisations\": []}", "roles"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [\"SUPERUSER\"], \"organisations\": []}", "roles[0]"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": \"VIEWER\", \"organisations\": []}", "roles"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"]}", "organisations"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": [\"*\"]}", "organisations[0]"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": [\" \"]}", "organisations[0]"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\", \"roles\": [\"VIEWER\"], \"organisations\": [], \"enabled\": false}", "enabled"),
                Arguments.of("{\"name\": \"%s\", \"password\": \"long enough pass\"", "body"));
    }

    @ParameterizedTest
    @MethodSource("badBodies")
    void badInputIsA400NamingTheFieldAndWritesNothing(String body, String field) {
        String name = fresh();
        ApiClient.Reply reply = admin.post("/admin/users", body.formatted(name));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:invalid-input");
        assertThat(reply.json().path("errors")).extracting(error -> error.path("field").asText()).contains(field);
        assertThat(reply.body()).doesNotContain("long enough pass").doesNotContain("short pass");
        assertThat(admin.get("/admin/users/" + name).status()).isEqualTo(404);
    }

    @Test
    void changesOfAnExistingUserAreValidatedToo() {
        String name = fresh();
        assertThat(create(name, "[\"VIEWER\"]", "[]").status()).isEqualTo(201);
        assertThat(admin.put("/admin/users/" + name + "/roles", "{\"roles\": [\"ROOT\"]}").status()).isEqualTo(400);
        assertThat(admin.put("/admin/users/" + name + "/organisations", "{\"organisations\": null}").status()).isEqualTo(400);
        assertThat(admin.put("/admin/users/" + name + "/password", "{\"password\": \"short\"}").status()).isEqualTo(400);
        assertThat(admin.put("/admin/users/" + name + "/roles", "{\"roles\": [\"EDITOR\"], \"expectedVersion\": 0}").status())
                .isEqualTo(400);
        assertThat(admin.post("/admin/users/" + name + "/disable", "{\"enabled\": false}").status()).isEqualTo(400);
        assertThat(admin.get("/admin/users/" + name).version()).isEqualTo(1);
        assertThat(admin.get("/admin/users/" + name + "/changes").json()).hasSize(1);
        assertThat(admin.as(name, PASSWORD).get("/api/programmes").status()).isEqualTo(200);
    }

    @Test
    void aNameInUseIsA409WhetherStoredOrConfigured() {
        String name = fresh();
        assertThat(create(name, "[\"VIEWER\"]", "[]").status()).isEqualTo(201);
        for (String taken : List.of(name, "viewer-notts", "admin")) {
            ApiClient.Reply reply = create(taken, "[\"ADMIN\"]", "[]");
            assertThat(reply.status()).as(taken + ": " + reply).isEqualTo(409);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:conflict");
            assertThat(reply.json().path("detail").asText()).isEqualTo("the user name '" + taken + "' is already in use");
        }
        assertThat(admin.get("/admin/users/" + name).json().path("roles")).extracting(JsonNode::asText).containsExactly("VIEWER");
        assertThat(admin.get("/admin/users/viewer-notts").status()).isEqualTo(404);
    }

    @Test
    void anUnknownUserIsA404() {
        String name = fresh();
        for (ApiClient.Reply reply : List.of(admin.get("/admin/users/" + name), admin.get("/admin/users/" + name + "/changes"),
                admin.put("/admin/users/" + name + "/roles", "{\"roles\": [\"VIEWER\"]}"),
                admin.put("/admin/users/" + name + "/password", "{\"password\": \"long enough pass\"}"),
                admin.post("/admin/users/" + name + "/disable", ""))) {
            assertThat(reply.status()).as(reply.toString()).isEqualTo(404);
            assertThat(reply.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:not-found");
        }
    }

    @Test
    void onlyAnAdministratorManagesUsers() {
        String name = fresh();
        assertThat(create(name, "[\"EDITOR\", \"FINANCE\", \"COMMITTEE_CLERK\"]", "[\"nottinghamshire\"]").status()).isEqualTo(201);
        String body = "{\"name\": \"%s\", \"password\": \"%s\", \"roles\": [\"ADMIN\"], \"organisations\": []}"
                .formatted(fresh(), PASSWORD);
        for (ApiClient client : List.of(admin.as(name, PASSWORD), admin.as("viewer-notts", "pw"))) {
            for (ApiClient.Reply reply : List.of(client.get("/admin/users"), client.post("/admin/users", body),
                    client.get("/admin/users/" + name), client.put("/admin/users/" + name + "/roles", "{\"roles\": [\"ADMIN\"]}"),
                    client.post("/admin/users/" + name + "/disable", ""), client.get("/admin/users/" + name + "/changes"))) {
                assertThat(reply.status()).as(reply.toString()).isEqualTo(403);
                assertThat(reply.contentType()).startsWith("application/problem+json");
            }
        }
        assertThat(ApiClient.anonymous(port).get("/admin/users").status()).isEqualTo(401);
        assertThat(admin.get("/admin/users/" + name).json().path("roles")).extracting(JsonNode::asText)
                .containsExactly("EDITOR", "FINANCE", "COMMITTEE_CLERK");
    }

    @Test
    void aStaleExpectedVersionIsA409AndWritesNothing() {
        String name = fresh();
        assertThat(create(name, "[\"VIEWER\"]", "[\"nottinghamshire\"]").status()).isEqualTo(201);
        assertThat(admin.put("/admin/users/" + name + "/organisations",
                "{\"organisations\": [\"nottinghamshire\", \"leicestershire\"], \"expectedVersion\": 1}").status()).isEqualTo(200);
        ApiClient.Reply stale = admin.put("/admin/users/" + name + "/organisations",
                "{\"organisations\": [\"rutland\"], \"expectedVersion\": 1}");
        assertThat(stale.status()).as(stale.toString()).isEqualTo(409);
        assertThat(stale.json().path("type").asText()).isEqualTo("urn:savings-ledger:problem:version-conflict");
        assertThat(admin.get("/admin/users/" + name).json().path("organisations")).extracting(JsonNode::asText)
                .containsExactly("leicestershire", "nottinghamshire");
        assertThat(admin.get("/admin/users/" + name + "/changes").json()).hasSize(2);
    }

    @Test
    void administratorsChangingOneUserAtOnceLoseNoChange() throws Exception {
        String name = fresh();
        assertThat(create(name, "[\"VIEWER\"]", "[]").status()).isEqualTo(201);
        int writers = 6;
        List<String> roles = List.of("EDITOR", "FINANCE", "COMMITTEE_CLERK");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Callable<ApiClient.Reply>> calls = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                // alternately a role change and a password change (two distinct attributes, two audit lines)
                String path = i % 2 == 0 ? "/roles" : "/password";
                String body = i % 2 == 0 ? "{\"roles\": [\"VIEWER\", \"" + roles.get(i / 2) + "\"]}"
                        : "{\"password\": \"" + PASSWORD + "\"}";
                calls.add(() -> {
                    start.await();
                    return admin.put("/admin/users/" + name + path, body);
                });
            }
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (Callable<ApiClient.Reply> call : calls) {
                replies.add(pool.submit(call));
            }
            start.countDown();
            for (Future<ApiClient.Reply> reply : replies) {
                assertThat(reply.get().status()).as(reply.get().toString()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        JsonNode changes = admin.get("/admin/users/" + name + "/changes").json();
        assertThat(changes).hasSize(1 + writers);
        assertThat(changes).extracting(change -> change.path("version").asLong())
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(changes).filteredOn(change -> change.path("change").asText().equals("password set")).hasSize(3);
        assertThat(admin.get("/admin/users/" + name).version()).isEqualTo(1 + writers);
    }

    @Test
    void twoAdministratorsExpectingTheSameVersionOneWins() throws Exception {
        String name = fresh();
        assertThat(create(name, "[\"VIEWER\"]", "[]").status()).isEqualTo(201);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ApiClient.Reply>> replies = new ArrayList<>();
            for (String organisation : List.of("nottinghamshire", "leicestershire")) {
                replies.add(pool.submit(() -> {
                    start.await();
                    return admin.put("/admin/users/" + name + "/organisations",
                            "{\"organisations\": [\"" + organisation + "\"], \"expectedVersion\": 1}");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<ApiClient.Reply> reply : replies) {
                statuses.add(reply.get().status());
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.get("/admin/users/" + name).version()).isEqualTo(2);
        assertThat(admin.get("/admin/users/" + name + "/changes").json()).hasSize(2);
    }
}
