package org.savingsledger.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The interface reference in docs/ made from the OpenAPI description the application serves: the
 * description itself in a stable form ({@code docs/openapi.json}: keys sorted, no server address)
 * and a page people read ({@code docs/http-api.md}: every endpoint with its parameters, body and
 * answers, then every schema with its fields). Both are functions of the description alone, so the
 * test that compares them with {@code /v3/api-docs} fails whenever the interface changes and its
 * reference does not.
 */
final class HttpApiReference {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    private static final List<String> METHODS = List.of("get", "head", "post", "put", "patch", "delete", "options");
    private static final String SCHEMAS = "#/components/schemas/";

    private HttpApiReference() {
    }

    /** The description with its keys sorted and without {@code servers} (the address a test runs on). */
    static String json(JsonNode api) {
        ObjectNode copy = (ObjectNode) sorted(api);
        copy.remove("servers");
        try {
            return JSON.writeValueAsString(copy) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String markdown(JsonNode described) {
        JsonNode api = sorted(described);
        StringBuilder page = new StringBuilder();
        page.append("# HTTP API reference\n\n")
                .append("Every endpoint of the ledger — the command side and the query side, as the all-in-one serves them —\n")
                .append("with its parameters, request body and answers, then every schema they use. It is made from the\n")
                .append("application's own OpenAPI description (`/v3/api-docs`, kept beside this page as\n")
                .append("[`openapi.json`](openapi.json)); `HttpApiReferenceTest` fails when either file differs from what the\n")
                .append("application serves, and rewrites both when run with `-Dhttp-api.write=true`:\n\n")
                .append("```sh\n./mvnw -B verify -pl ops -am -Dtest=HttpApiReferenceTest -Dsurefire.failIfNoSpecifiedTests=false -Dhttp-api.write=true\n```\n\n")
                .append("How commands read their bodies and why: [command-api.md](command-api.md); queries, `asAt`,\n")
                .append("`effectiveOn` and consistency tokens: [read-side.md](read-side.md); every error's `type`:\n")
                .append("[errors.md](errors.md); BI columns: [bi-datasets.md](bi-datasets.md); OData: [odata.md](odata.md);\n")
                .append("signing in: [security.md](security.md).\n\n");
        signingIn(page, api);
        page.append("## Endpoints\n\n| method | path | summary |\n|---|---|---|\n");
        api.path("paths").fields().forEachRemaining(path -> operations(path.getValue()).forEach((method, operation) ->
                page.append("| ").append(method.toUpperCase()).append(" | [`").append(path.getKey()).append("`](#")
                        .append(anchor(method + " " + path.getKey())).append(") | ")
                        .append(cell(operation.path("summary").asText(""))).append(" |\n")));
        api.path("paths").fields().forEachRemaining(path -> operations(path.getValue()).forEach((method, operation) ->
                operation(page, method, path.getKey(), operation)));
        page.append("\n## Schemas\n");
        api.path("components").path("schemas").fields().forEachRemaining(schema -> schema(page, schema.getKey(),
                schema.getValue()));
        return page.toString();
    }

    /** The security schemes, and which of them every operation needs unless it says otherwise. */
    private static void signingIn(StringBuilder page, JsonNode api) {
        if (api.path("components").path("securitySchemes").isEmpty()) {
            return;
        }
        page.append("## Signing in\n\n| scheme | type | description |\n|---|---|---|\n");
        api.path("components").path("securitySchemes").fields().forEachRemaining(scheme -> page.append("| `")
                .append(scheme.getKey()).append("` | ").append(scheme.getValue().path("type").asText()).append(" ")
                .append(scheme.getValue().path("scheme").asText()).append(" | ")
                .append(cell(scheme.getValue().path("description").asText(""))).append(" |\n"));
        List<String> alternatives = new ArrayList<>();
        api.path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(name -> alternatives.add("`" + name + "`")));
        page.append("\nEvery operation needs one of ").append(String.join(", ", alternatives))
                .append(" unless it names its own.\n\n");
    }

    private static Map<String, JsonNode> operations(JsonNode path) {
        Map<String, JsonNode> operations = new TreeMap<>((a, b) -> METHODS.indexOf(a) - METHODS.indexOf(b));
        METHODS.forEach(method -> {
            if (path.has(method)) {
                operations.put(method, path.get(method));
            }
        });
        return operations;
    }

    private static void operation(StringBuilder page, String method, String path, JsonNode operation) {
        page.append("\n### ").append(method.toUpperCase()).append(" ").append(path).append("\n\n");
        text(page, operation.path("summary").asText(""));
        text(page, operation.path("description").asText(""));
        if (operation.path("parameters").size() > 0) {
            page.append("| parameter | in | type | required | description |\n|---|---|---|---|---|\n");
            for (JsonNode parameter : operation.path("parameters")) {
                page.append("| `").append(parameter.path("name").asText()).append("` | ")
                        .append(parameter.path("in").asText()).append(" | ").append(type(parameter.path("schema")))
                        .append(" | ").append(parameter.path("required").asBoolean(false) ? "yes" : "no").append(" | ")
                        .append(cell(parameter.path("description").asText(""))).append(" |\n");
            }
            page.append("\n");
        }
        JsonNode body = operation.path("requestBody");
        if (!body.isMissingNode()) {
            page.append("Request body").append(body.path("required").asBoolean(false) ? " (required)" : "").append(": ");
            page.append(String.join("; ", contents(body.path("content")))).append("\n\n");
        }
        page.append("| answer | description | content |\n|---|---|---|\n");
        operation.path("responses").fields().forEachRemaining(response -> page.append("| ").append(response.getKey())
                .append(" | ").append(cell(response.getValue().path("description").asText(""))).append(" | ")
                .append(cell(String.join("; ", contents(response.getValue().path("content"))))).append(" |\n"));
    }

    private static List<String> contents(JsonNode content) {
        List<String> contents = new ArrayList<>();
        content.fields().forEachRemaining(type -> {
            JsonNode schema = type.getValue().path("schema");
            contents.add("`" + type.getKey() + "`" + (schema.isMissingNode() || schema.isEmpty() ? "" : " " + type(schema)));
        });
        return contents;
    }

    private static void schema(StringBuilder page, String name, JsonNode schema) {
        page.append("\n### ").append(name).append("\n\n");
        text(page, schema.path("description").asText(""));
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
            page.append("Type: ").append(type(schema)).append("\n");
            return;
        }
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(field -> required.add(field.asText()));
        page.append("| field | type | required | description |\n|---|---|---|---|\n");
        properties.fields().forEachRemaining(field -> page.append("| `").append(field.getKey()).append("` | ")
                .append(type(field.getValue())).append(" | ").append(required.contains(field.getKey()) ? "yes" : "no")
                .append(" | ").append(cell(field.getValue().path("description").asText(""))).append(" |\n"));
    }

    /** A schema in a few words: its type or the schema it names, format, allowed values, default, bounds. */
    private static String type(JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replace(SCHEMAS, "");
            return "[" + name + "](#" + anchor(name) + ")";
        }
        if (schema.has("oneOf") || schema.has("anyOf")) {
            List<String> options = new ArrayList<>();
            schema.path(schema.has("oneOf") ? "oneOf" : "anyOf").forEach(option -> options.add(type(option)));
            return "one of " + String.join(", ", options);
        }
        StringBuilder type = new StringBuilder(schema.path("type").asText("any"));
        if ("array".contentEquals(type)) {
            type = new StringBuilder("array of ").append(type(schema.path("items")));
        } else if ("object".contentEquals(type) && schema.has("additionalProperties")) {
            type = new StringBuilder("map of ").append(type(schema.path("additionalProperties")));
        }
        if (schema.has("format")) {
            type.append(" (").append(schema.get("format").asText()).append(")");
        }
        if (schema.has("enum")) {
            List<String> values = new ArrayList<>();
            schema.get("enum").forEach(value -> values.add("`" + value.asText() + "`"));
            type.append(": ").append(String.join(", ", values));
        }
        for (String bound : List.of("minimum", "maximum", "minLength", "maxLength", "pattern", "multipleOf")) {
            if (schema.has(bound)) {
                type.append(", ").append(bound).append(" `").append(schema.get(bound).asText()).append("`");
            }
        }
        if (schema.has("default")) {
            type.append(", default `").append(schema.get("default").asText()).append("`");
        }
        return cell(type.toString());
    }

    private static void text(StringBuilder page, String text) {
        if (!text.isBlank()) {
            page.append(text.strip()).append("\n\n");
        }
    }

    /** Text that stays inside one table cell: no line breaks, pipes escaped. */
    private static String cell(String text) {
        return text.strip().replace("\r", "").replace("\n", " ").replace("|", "\\|");
    }

    /** The anchor a Markdown renderer (GitHub's) gives a heading. */
    private static String anchor(String heading) {
        return heading.toLowerCase().replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            TreeMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                fields.put(field.getKey(), sorted(field.getValue()));
            }
            fields.forEach(copy::set);
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(element -> copy.add(sorted(element)));
            return copy;
        }
        return node;
    }
}
