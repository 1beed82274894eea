package org.savingsledger.command.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for the end-to-end tests: raw bodies in, status, headers and JSON out. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The administrator's password in the shared test context ({@link LedgerHttpTest}). */
    static final String ADMIN_PASSWORD = "test-admin-password";

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** A client signed in as the administrator, who may do everything everywhere. */
    ApiClient(int port) {
        this(port, "admin", ADMIN_PASSWORD);
    }

    private ApiClient(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null : "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A client signed in as {@code user}. */
    static ApiClient as(int port, String user, String password) {
        return new ApiClient(port, user, password);
    }

    /** A client that does not sign in. */
    static ApiClient anonymous(int port) {
        return new ApiClient(port, null, null);
    }

    private HttpRequest.Builder signed(HttpRequest.Builder request) {
        return authorization == null ? request : request.header("Authorization", authorization);
    }

    /**
     * Registers the organisation {@code id} unless it is registered already (this client must be the
     * administrator's): tests share one context and run in any order, so whichever needs it first registers
     * it and the others get a 409.
     */
    ApiClient withOrganisation(String id) {
        Reply reply = post("/api/organisations", "{\"id\": \"" + id + "\", \"name\": \"" + id + "\"}");
        if (reply.status() != 201 && reply.status() != 409) {
            throw new IllegalStateException("organisation " + id + " not registered: " + reply);
        }
        return this;
    }

    Reply post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with one extra header; the reply's {@code location} field then holds that header's answer. */
    Reply post(String path, String body, String header, String value) {
        try {
            HttpResponse<String> response = http.send(signed(HttpRequest.newBuilder(URI.create(base + path)))
                    .header("Content-Type", "application/json").header(header, value)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue(header).orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(signed(request).build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String location, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String id() {
            return json().path("id").asText();
        }

        long version() {
            return json().path("version").asLong();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
