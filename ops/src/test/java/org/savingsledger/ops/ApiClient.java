package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A plain HTTP client for the end-to-end tests: raw bodies in, status, headers and JSON out. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** A client signed in as the administrator, who may do everything in every organisation. */
    ApiClient(int port) {
        this(port, basic("admin", AllInOneTest.ADMIN_PASSWORD));
    }

    /** A client that does not sign in. */
    static ApiClient anonymous(int port) {
        return new ApiClient(port, null);
    }

    /** The administrator's {@code Authorization} header, for tests that speak HTTP by other means. */
    static String adminAuthorization() {
        return basic("admin", AllInOneTest.ADMIN_PASSWORD);
    }

    private static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private ApiClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** The same client signing in with HTTP Basic as {@code user}. */
    ApiClient as(String user, String password) {
        return new ApiClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), basic(user, password));
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

    Reply put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * A {@code multipart/form-data} POST: the file in the part {@code file} and, when given, {@code mapping}
     * as a JSON part, as a browser form or {@code curl -F} sends them.
     */
    Reply postFile(String path, String fileName, byte[] file, String mapping) {
        return send(multipart(path, fileName, file, mapping));
    }

    /** A GET whose answer is kept as the bytes it came as (a workbook, say). */
    HttpResponse<byte[]> getBytes(String path) {
        return sendForBytes(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** {@link #postFile} asking for {@code accept}, its answer's bytes as they came (a workbook, say). */
    HttpResponse<byte[]> postFileForBytes(String path, String fileName, byte[] file, String accept) {
        return sendForBytes(multipart(path, fileName, file, null).header("Accept", accept));
    }

    private HttpResponse<byte[]> sendForBytes(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder multipart(String path, String fileName, byte[] file, String mapping) {
        String boundary = "ledger-test-" + java.util.UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
        body.writeBytes(file);
        if (mapping != null) {
            body.writeBytes(("\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"mapping\"\r\n"
                    + "Content-Type: application/json\r\n\r\n" + mapping).getBytes(utf8));
        }
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
    }

    Reply get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET with one request header, e.g. {@code Prefer: odata.maxpagesize=2}. */
    Reply get(String path, String headerName, String headerValue) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header(headerName, headerValue).GET());
    }

    /** A request of any method without a body: {@code HEAD}, {@code OPTIONS}, {@code DELETE}… */
    Reply send(String method, String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    private Reply send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Location").orElse(null), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    record Reply(int status, String contentType, String location, String body, HttpHeaders headers) {

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

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
