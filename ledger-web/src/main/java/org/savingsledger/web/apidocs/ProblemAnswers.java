package org.savingsledger.web.apidocs;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.savingsledger.web.problem.ProblemType;
import org.savingsledger.web.security.SecurityChains;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.util.AntPathMatcher;

import java.util.List;

/**
 * The problem answers every operation can give whatever its own: refused sign-ins (401, 429, 503) and roles
 * (403) on each, and on each read a bad parameter (400) and an id or organisation the caller cannot see
 * (404); and no sign-in at all on what the security chains leave open. Each side adds the answers only its
 * operations give (the command side its 409 and 422).
 */
public final class ProblemAnswers implements OpenApiCustomizer {

    /** The schema of every problem answer, named so that each side's own answers can refer to it. */
    public static final String PROBLEM = "Problem";

    private static final AntPathMatcher PATHS = new AntPathMatcher();

    @Override
    public void customise(OpenAPI openApi) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
        if (openApi.getPaths() == null) {
            return;
        }
        openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (SecurityChains.PUBLIC_PATHS.stream().anyMatch(open -> PATHS.match(open, path))) {
                operation.setSecurity(List.of());
                return;
            }
            ApiResponses responses = operation.getResponses();
            if (method == PathItem.HttpMethod.GET) {
                if (hasParameters(operation)) {
                    add(responses, "400", "a parameter is invalid: a malformed asAt, effectiveOn, year or consistency token, "
                            + "or an unknown one (" + ProblemType.INVALID_INPUT.type() + ")");
                }
                if (names(operation, "path") || names(operation, "query", "organisation")) {
                    add(responses, "404", "no such " + (names(operation, "path") ? "item, or one of an organisation the caller "
                            + "does not belong to" : "organisation, or one the caller does not belong to")
                            + ", answered alike so ids do not leak (" + ProblemType.NOT_FOUND.type() + ")");
                }
            }
            add(responses, "401", "no credentials, or wrong ones; WWW-Authenticate names the schemes accepted ("
                    + ProblemType.UNAUTHENTICATED.type() + ")");
            add(responses, "403", "the caller's roles do not allow this operation (" + ProblemType.FORBIDDEN.type() + ")");
            add(responses, "429", "sign-ins as this user name or from this address are paused after repeated failures; "
                    + "retry after the Retry-After seconds (" + ProblemType.TOO_MANY_SIGN_IN_ATTEMPTS.type() + ")");
        }));
    }

    /** Adds {@code status} as a problem answer unless the operation declares its own. */
    public static void add(ApiResponses responses, String status, String description) {
        responses.putIfAbsent(status, new ApiResponse().description(description).content(new Content()
                .addMediaType("application/problem+json", new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }

    private static boolean hasParameters(Operation operation) {
        return operation.getParameters() != null && !operation.getParameters().isEmpty();
    }

    private static boolean names(Operation operation, String in, String... names) {
        return hasParameters(operation) && operation.getParameters().stream().map(Parameter.class::cast)
                .anyMatch(p -> in.equals(p.getIn()) && (names.length == 0 || List.of(names).contains(p.getName())));
    }

    /** RFC 9457 problem details as the ledger writes them. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("amount"))
                .addProperty("message", new StringSchema().example("must have at most 2 decimal places, was 100.005"));
        return new ObjectSchema()
                .description("RFC 9457 problem details; type is one of the ledger's catalogued problem types")
                .addProperty("type", new StringSchema().example(ProblemType.INVALID_INPUT.type().toString()))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError).description("400 only: every invalid field"))
                .addProperty("rule", new StringSchema().description("422 only: the slug of the rule that refused the command"));
    }
}
