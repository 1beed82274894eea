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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

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

    /**
     * What the description requires of answers holds for real ones: every required field present, null only
     * where the type allows it, enum values among the enum's. A saving without RAG, category or description
     * and a programme without directorate or predecessor give the nulls.
     */
    @Test
    void realAnswersHoldWhatTheirSchemasRequire() {
        ApiClient api = new ApiClient(port);
        String organisation = "openapi-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        ApiClient.Reply launched = api.post("/api/programmes", """
                {"organisation": "%s", "name": "Adult Social Care savings", "savingsTarget": 17981000,
                 "firstYear": "2018/19", "lastYear": "2020/21", "effectiveDate": "2018-02-26"}""".formatted(organisation));
        assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
        String programme = launched.id();
        ApiClient.Reply proposed = api.post("/api/programmes/" + programme + "/savings", """
                {"title": "Reablement", "confidence": "CONFIDENT", "stage": "IN_DELIVERY", "effectiveDate": "2018-02-26",
                 "profile": {"2018/19": 5379000, "2019/20": 3461000}}""");
        assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
        String saving = proposed.id();
        ApiClient.Reply delivered = api.post("/api/savings/" + saving + "/deliveries",
                "{\"year\": \"2018/19\", \"amount\": 80835.55, \"reason\": \"Outturn\", \"effectiveDate\": \"2019-03-31\"}");
        assertThat(delivered.status()).as(delivered.toString()).isEqualTo(200);
        ApiClient.Reply established = api.post("/api/committees",
                "{\"organisation\": \"%s\", \"name\": \"Adults Committee\"}".formatted(organisation));
        assertThat(established.status()).as(established.toString()).isEqualTo(201);
        String committee = established.id();
        ApiClient.Reply assigned = api.post("/api/committees/" + committee + "/programmes", "{\"programmeId\": \"" + programme + "\"}");
        assertThat(assigned.status()).as(assigned.toString()).isEqualTo(200);
        ApiClient.Reply presented = api.post("/api/committees/" + committee + "/reports",
                "{\"meetingDate\": \"2019-04-01\", \"title\": \"Outturn 2018/19\"}");
        assertThat(presented.status()).as(presented.toString()).isEqualTo(201);
        String report = presented.id();
        String token = "consistencyToken=" + presented.json().path("consistencyToken").asText();
        JsonNode description = api.get("/v3/api-docs").json();

        List<String> problems = new ArrayList<>();
        Map<String, String> reads = new LinkedHashMap<>();
        reads.put("/api/savings/{id}", "/api/savings/" + saving + "?" + token);
        reads.put("/api/savings/{id}/history", "/api/savings/" + saving + "/history?" + token);
        reads.put("/api/programmes/{id}", "/api/programmes/" + programme + "?" + token);
        reads.put("/api/programmes/{id}/savings", "/api/programmes/" + programme + "/savings?" + token);
        reads.put("/api/programmes", "/api/programmes?organisation=" + organisation + "&" + token);
        reads.put("/api/organisations/{id}", "/api/organisations/" + organisation + "?" + token);
        reads.put("/api/years/{year}", "/api/years/2018-19?organisation=" + organisation + "&" + token);
        reads.put("/api/committees/{id}", "/api/committees/" + committee + "?" + token);
        reads.put("/api/committees/{id}/reports/{reportId}", "/api/committees/" + committee + "/reports/" + report + "?" + token);
        reads.put("/api/committees/{id}/reports/{reportId}/changes",
                "/api/committees/" + committee + "/reports/" + report + "/changes?" + token);
        reads.put("/admin/read-models", "/admin/read-models");
        // without an organisation: every organisation's programmes, and no organisation named
        ApiClient.Reply everyOrganisation = api.get("/api/years/2018-19?" + token);
        assertThat(everyOrganisation.status()).isEqualTo(200);
        conforms(description, description.at("/paths/~1api~1years~1{year}/get/responses/200/content/application~1json/schema"),
                everyOrganisation.json(), "/api/years/{year} of every organisation", problems);
        reads.forEach((template, path) -> {
            ApiClient.Reply reply = api.get(path);
            assertThat(reply.status()).as(path + " -> " + reply).isEqualTo(200);
            JsonNode schema = description.path("paths").path(template).path("get").path("responses").path("200")
                    .path("content").elements().next().path("schema");
            conforms(description, schema, reply.json(), template, problems);
        });
        assertThat(problems).isEmpty();
    }

    private static void conforms(JsonNode api, JsonNode schema, JsonNode value, String where, List<String> problems) {
        if (schema.has("$ref")) {
            conforms(api, api.at("/components/schemas/" + schema.path("$ref").asText().replace("#/components/schemas/", "")),
                    value, where, problems);
            return;
        }
        if (schema.has("anyOf")) {
            for (JsonNode option : schema.path("anyOf")) {
                if (value.isNull() ? texts(option.path("type")).contains("null") : option.has("$ref")) {
                    conforms(api, option, value, where, problems);
                    return;
                }
            }
            problems.add(where + " matches none of " + schema.path("anyOf"));
            return;
        }
        if (value.isNull()) {
            if (!texts(schema.path("type")).contains("null")) {
                problems.add(where + " is null, which its type " + schema.path("type") + " does not allow");
            }
            return;
        }
        if (schema.has("enum") && !texts(schema.path("enum")).contains(value.asText())) {
            problems.add(where + " is " + value + ", not one of " + schema.path("enum"));
        }
        if (value.isObject()) {
            schema.path("required").forEach(field -> {
                if (!value.has(field.asText())) {
                    problems.add(where + " lacks required " + field.asText());
                }
            });
            value.fields().forEachRemaining(field -> {
                JsonNode property = schema.path("properties").path(field.getKey());
                if (!property.isMissingNode()) {
                    conforms(api, property, field.getValue(), where + "." + field.getKey(), problems);
                } else if (schema.path("additionalProperties").isObject()) {
                    conforms(api, schema.path("additionalProperties"), field.getValue(), where + "." + field.getKey(), problems);
                }
            });
        }
        if (value.isArray() && schema.has("items")) {
            for (int i = 0; i < value.size(); i++) {
                conforms(api, schema.path("items"), value.get(i), where + "[" + i + "]", problems);
            }
        }
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
