package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The interface reference in docs/ is the interface the application serves: {@code docs/openapi.json}
 * and {@code docs/http-api.md} equal what {@link HttpApiReference} makes of {@code /v3/api-docs}.
 * With {@code -Dhttp-api.write=true} it rewrites both instead (then review the diff and commit it).
 */
@AllInOneTest
class HttpApiReferenceTest {

    private static final Path DOCS = Path.of("..", "docs");

    @LocalServerPort
    int port;

    @Test
    void docsHoldTheInterfaceTheApplicationServes() throws IOException {
        ApiClient.Reply reply = new ApiClient(port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode api = reply.json();
        String json = HttpApiReference.json(api);
        String markdown = HttpApiReference.markdown(api);
        if (Boolean.getBoolean("http-api.write")) {
            Files.writeString(DOCS.resolve("openapi.json"), json, StandardCharsets.UTF_8);
            Files.writeString(DOCS.resolve("http-api.md"), markdown, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(DOCS.resolve("openapi.json"), StandardCharsets.UTF_8))
                .as("docs/openapi.json is the served /v3/api-docs; rewrite it with -Dhttp-api.write=true (see docs/http-api.md)")
                .isEqualTo(json);
        assertThat(Files.readString(DOCS.resolve("http-api.md"), StandardCharsets.UTF_8))
                .as("docs/http-api.md is made from the served /v3/api-docs; rewrite it with -Dhttp-api.write=true")
                .isEqualTo(markdown);
    }

    @Test
    void theReferenceNamesEveryOperationAndSchema() {
        JsonNode api = new ApiClient(port).get("/v3/api-docs").json();
        String markdown = HttpApiReference.markdown(api);

        // two operations every council uses, and the schema of a slip, by hand from the contract
        assertThat(markdown).contains("\n### POST /api/savings/{id}/slips\n", "\n### GET /api/programmes/{id}\n",
                "| `fromYear` |", "| `consistencyToken` | query |");
        api.path("paths").fieldNames().forEachRemaining(path -> assertThat(markdown).contains(" " + path + "\n"));
        api.path("components").path("schemas").fieldNames()
                .forEachRemaining(schema -> assertThat(markdown).contains("\n### " + schema + "\n"));
    }
}
