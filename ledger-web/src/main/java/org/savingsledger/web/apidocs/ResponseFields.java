package org.savingsledger.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Makes every field an answer always has {@code required}, so that clients generated from the description do
 * not make them all optional: on each schema used by answers only (a schema a request also uses keeps the
 * request's own rules), the fields {@link AlwaysWrittenFields} found always written. A field that is always
 * written but may be null says so with its type ({@code ["string", "null"]}).
 */
final class ResponseFields implements OpenApiCustomizer {

    private static final String SCHEMAS = "#/components/schemas/";

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> answers = new HashSet<>();
        Set<String> requests = new HashSet<>();
        if (openApi.getPaths() != null) {
            openApi.getPaths().values().forEach(item -> item.readOperations().forEach(operation -> {
                reach(schemas, requests, requestSchemas(operation));
                if (operation.getResponses() != null) {
                    operation.getResponses().values().forEach(response -> reach(schemas, answers, contents(response.getContent())));
                }
            }));
        }
        schemas.forEach((name, schema) -> {
            Object written = schema.getExtensions() == null ? null : schema.getExtensions().remove(AlwaysWrittenFields.EXTENSION);
            if (schema.getExtensions() != null && schema.getExtensions().isEmpty()) {
                schema.setExtensions(null);
            }
            if (written instanceof List<?> fields && answers.contains(name) && !requests.contains(name) && !fields.isEmpty()) {
                schema.setRequired(fields.stream().map(String::valueOf).toList());
            }
        });
    }

    private static List<Schema<?>> requestSchemas(Operation operation) {
        List<Schema<?>> found = new ArrayList<>();
        if (operation.getRequestBody() != null) {
            found.addAll(contents(operation.getRequestBody().getContent()));
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> {
                if (parameter.getSchema() != null) {
                    found.add(parameter.getSchema());
                }
            });
        }
        return found;
    }

    private static List<Schema<?>> contents(Content content) {
        List<Schema<?>> found = new ArrayList<>();
        if (content != null) {
            content.values().forEach(media -> {
                if (media.getSchema() != null) {
                    found.add(media.getSchema());
                }
            });
        }
        return found;
    }

    /** Adds to {@code names} every named schema {@code roots} refer to, directly or through other schemas. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void reach(Map<String, Schema> schemas, Set<String> names, List<Schema<?>> roots) {
        Deque<Schema<?>> todo = new ArrayDeque<>(roots);
        while (!todo.isEmpty()) {
            Schema<?> schema = todo.pop();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().replace(SCHEMAS, "");
                if (names.add(name) && schemas.get(name) != null) {
                    todo.push(schemas.get(name));
                }
                continue;
            }
            List<Function<Schema<?>, Object>> parts = List.of(Schema::getItems, Schema::getAdditionalProperties);
            parts.forEach(part -> {
                if (part.apply(schema) instanceof Schema<?> inner) {
                    todo.push(inner);
                }
            });
            if (schema.getProperties() != null) {
                schema.getProperties().values().forEach(inner -> todo.push((Schema<?>) inner));
            }
            for (List<Schema> composed : new List[] {schema.getAllOf(), schema.getOneOf(), schema.getAnyOf()}) {
                if (composed != null) {
                    composed.forEach(inner -> todo.push((Schema<?>) inner));
                }
            }
        }
    }
}
