package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The all-in-one's {@code /v3/api-docs} read by a real OpenAPI parser (swagger-parser, resolving every
 * reference) without a single message, and what generated clients and Swagger UI need of it: the sign-in
 * schemes applied to every operation, money to the penny within the limit the ledger enforces, closed value
 * sets as enums, answers with their required fields, the problem answers of reads, the BI files and their
 * content types, no example that fails, and a server address relative to wherever it was fetched.
 * {@link SplitDeploymentTest} checks each side's own description the same way.
 */
@AllInOneTest
class OpenApiValidationTest {

    @LocalServerPort
    int port;

    @Test
    void aRealParserReadsTheDescriptionWithoutAnyMessage() {
        ApiClient.Reply reply = new ApiClient(port).get("/v3/api-docs");
        assertThat(reply.status()).isEqualTo(200);

        OpenAPI api = valid("all-in-one", reply.body());

        assertThat(api.getPaths()).containsKeys("/api/savings/{id}", "/api/savings/{id}/slips", "/api/bi/{file}");
    }

    @Test
    void theDescriptionSaysHowToSignInAndWhatEveryAnswerHolds() {
        JsonNode api = new ApiClient(port).get("/v3/api-docs").json();

        describesTheContract(api);
        describesMoneyBodies(api);
        // the query side's answers, here beside the command side's
        JsonNode saving = api.at("/components/schemas/SavingView");
        assertThat(texts(saving.at("/properties/stage/enum"))).containsExactly("CONCEPT", "BUSINESS_CASE", "IN_DELIVERY", "DELIVERED");
        assertThat(texts(saving.at("/properties/confidence/enum"))).containsExactly("CONFIDENT", "STRETCH");
        assertThat(texts(saving.at("/properties/rag/enum"))).contains("RED", "AMBER", "GREEN");
        assertThat(texts(saving.at("/properties/rag/type"))).containsExactlyInAnyOrder("string", "null");
        assertThat(saving.at("/properties/rag/enum").toString()).as("a null rag is one of its values").contains("null");
        assertThat(texts(saving.at("/properties/recurrence/enum"))).containsExactly("RECURRING", "ONE_OFF");
        assertThat(texts(saving.at("/required"))).contains("id", "stage", "confidence", "rag", "withdrawn", "profile", "version");
        // the saving's history leaves attributes out when an event set none: not required
        assertThat(texts(api.at("/components/schemas/HistoryEntry/required"))).contains("version", "type", "changes")
                .doesNotContain("attributes");
        JsonNode planned = api.at("/components/schemas/YearLine/properties/planned");
        assertThat(planned.path("multipleOf").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(planned.path("description").asText()).contains("pounds sterling");

        JsonNode read = api.at("/paths/~1api~1savings~1{id}/get/responses");
        assertThat(read.has("400") && read.has("401") && read.has("403") && read.has("404")).as(read.toString()).isTrue();
        assertThat(read.at("/404/content/application~1problem+json/schema/$ref").asText()).isEqualTo("#/components/schemas/Problem");

        JsonNode extract = api.at("/paths/~1api~1bi~1{file}/get");
        JsonNode file = parameter(extract, "file");
        // by hand from docs/bi-datasets.md: nine datasets, each as .csv and .jsonl
        assertThat(texts(file.at("/schema/enum"))).hasSize(18).contains("programmes.csv", "saving_years.jsonl", "funding.csv");
        assertThat(texts(extract.at("/responses/200/content"), true)).containsExactlyInAnyOrder("text/csv", "application/jsonl");
    }

    /** What each side's description must say, whichever side serves it. */
    static void describesTheContract(JsonNode api) {
        assertThat(api.at("/components/securitySchemes/basicAuth/scheme").asText()).isEqualTo("basic");
        assertThat(api.at("/components/securitySchemes/bearerAuth/scheme").asText()).isEqualTo("bearer");
        assertThat(api.at("/security").toString()).contains("basicAuth", "bearerAuth");
        assertThat(api.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(api.at("/components/schemas/Problem").isObject()).isTrue();
        api.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            String name = operation.getKey().toUpperCase() + " " + path.getKey();
            if (!operation.getValue().has("security")) {
                assertThat(responses.has("401") && responses.has("403")).as(name + " declares 401 and 403").isTrue();
            }
            responses.fields().forEachRemaining(response -> assertThat(response.getValue().path("description").asText())
                    .as(name + " " + response.getKey() + " has a description").isNotBlank());
            assertThat(operation.getValue().path("tags").size()).as(name + " has a tag").isPositive();
        }));
        List<String> operationIds = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        api.path("paths").fields().forEachRemaining(path -> {
            paths.add(path.getKey());
            path.getValue().forEach(operation -> operationIds.add(operation.path("operationId").asText()));
        });
        assertThat(operationIds).doesNotHaveDuplicates().doesNotContain("");
        // the OData feed's own paths are described by its $metadata, not here
        assertThat(paths).filteredOn(path -> !path.startsWith("/odata"))
                .allSatisfy(path -> assertThat(paths).doesNotContain(path + "/"));
        // no example a client would send and have refused: expectedVersion is best left out (or null)
        api.path("components").path("schemas").fields().forEachRemaining(schema -> {
            JsonNode version = schema.getValue().at("/properties/expectedVersion");
            if (!version.isMissingNode()) {
                assertThat(version.path("example").isNull() || version.path("example").isMissingNode())
                        .as(schema.getKey() + ".expectedVersion example: " + version).isTrue();
            }
        });
    }

    /** The money a command takes, where the description has it (the command side's bodies). */
    static void describesMoneyBodies(JsonNode api) {
        JsonNode amount = api.at("/components/schemas/MoveRequest/properties/amount");
        assertThat(amount.path("multipleOf").decimalValue()).isEqualByComparingTo("0.01");
        // Money's limit, by hand: £1 trillion in magnitude
        assertThat(amount.path("maximum").decimalValue()).isEqualByComparingTo("1000000000000");
        assertThat(amount.path("minimum").decimalValue()).isEqualByComparingTo("-1000000000000");
        assertThat(amount.path("description").asText()).contains("pounds sterling");
    }

    /** Reads {@code json} as swagger-parser does, references resolved, and fails on any message it gives. */
    static OpenAPI valid(String served, String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setResolveFully(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(json, null, options);
        List<String> messages = result.getMessages() == null ? List.of() : result.getMessages();
        OpenAPI api = result.getOpenAPI();
        System.out.printf("swagger-parser %s (%s /v3/api-docs): %d messages, %d paths, %d schemas%n", parserVersion(), served,
                messages.size(), api == null || api.getPaths() == null ? 0 : api.getPaths().size(),
                api == null || api.getComponents() == null || api.getComponents().getSchemas() == null ? 0
                        : api.getComponents().getSchemas().size());
        messages.forEach(message -> System.out.println("  " + message));
        assertThat(messages).as("swagger-parser's messages on the %s description", served).isEmpty();
        assertThat(api).isNotNull();
        assertThat(api.getOpenapi()).startsWith("3.");
        return api;
    }

    private static String parserVersion() {
        try (InputStream in = OpenAPIParser.class.getResourceAsStream(
                "/META-INF/maven/io.swagger.parser.v3/swagger-parser/pom.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "(version unknown)");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parameter(JsonNode operation, String name) {
        for (JsonNode parameter : operation.path("parameters")) {
            if (name.equals(parameter.path("name").asText())) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name + " in " + operation);
    }

    private static List<String> texts(JsonNode node) {
        return texts(node, false);
    }

    private static List<String> texts(JsonNode node, boolean keys) {
        List<String> texts = new ArrayList<>();
        if (keys) {
            node.fieldNames().forEachRemaining(texts::add);
        } else if (node.isArray()) {
            node.forEach(value -> texts.add(value.asText()));
        } else if (!node.isMissingNode()) {
            texts.add(node.asText());
        }
        return texts;
    }
}
