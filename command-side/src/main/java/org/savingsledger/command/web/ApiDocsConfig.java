package org.savingsledger.command.web;

import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.shared.Money;
import org.savingsledger.web.problem.ProblemType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the generated OpenAPI description must say that annotations on each endpoint would only
 * repeat: the formats of money and years, and the problem responses every command can give.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDocsConfig {

    static {
        // Schemas are resolved once per type, so the replacement must be registered before the first request for the docs.
        SpringDocUtils.getConfig()
                .replaceWithSchema(Money.class, new NumberSchema()
                        .description("pounds sterling, at most 2 decimal places, written as a plain JSON number")
                        .example(6804000.50))
                .replaceWithSchema(FinancialYear.class, new StringSchema()
                        .pattern("^\\d{4}/\\d{2}$")
                        .description("UK financial year, 1 April to 31 March, 1990/91 to 2099/00")
                        .example("2018/19"));
    }

    private static final Map<String, String> COMMAND_PROBLEMS = problems();

    private static Map<String, String> problems() {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "invalid input: malformed JSON, a wrong or unknown field, a missing field; errors[] names "
                + "every field (" + ProblemType.INVALID_INPUT.type() + ")");
        problems.put("404", "no such programme, saving or committee, or an id that cannot exist "
                + "(" + ProblemType.NOT_FOUND.type() + ")");
        problems.put("409", "an id already in use (" + ProblemType.ID_IN_USE.type() + ") or expectedVersion is not the "
                + "current version (" + ProblemType.VERSION_CONFLICT.type() + "); nothing was written");
        problems.put("422", "a business rule refused the command; type is " + ProblemType.TYPE_PREFIX
                + ProblemType.BUSINESS_RULE.slug() + ":<rule>, "
                + "detail names the rule; nothing was written");
        problems.put("503", "the event store cannot be reached; retry after the Retry-After seconds");
        return problems;
    }

    /** Adds the problem responses to every command operation, and the id pattern to their path ids. */
    @Bean
    OpenApiCustomizer commandProblemResponses() {
        return openApi -> {
            openApi.info(new Info().title("Savings Ledger API").version("1")
                    .description("Commands and queries of Savings Ledger, HTTP contract version 1. Money is a JSON number in "
                            + "pounds with at most 2 decimal places; financial years are written 2018/19 (2018-19 in paths)."));
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/") || item.getPost() == null) {
                    return;
                }
                COMMAND_PROBLEMS.forEach((status, description) -> item.getPost().getResponses()
                        .putIfAbsent(status, new ApiResponse().description(description).content(new Content()
                                .addMediaType("application/problem+json", new MediaType()
                                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))))));
                if (item.getPost().getParameters() != null) {
                    item.getPost().getParameters().stream()
                            .filter(p -> "id".equals(p.getName()) && "path".equals(p.getIn()))
                            .forEach(p -> p.getSchema().pattern(LedgerIds.PATTERN.pattern()));
                }
            });
        };
    }

    private static final String PROBLEM = "Problem";

    /** RFC 9457 problem details as {@code ApiExceptionHandler} writes them. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().example("amount"))
                .addProperty("message", new StringSchema().example("must have at most 2 decimal places, was 100.005"));
        return new ObjectSchema()
                .addProperty("type", new StringSchema().example(ProblemType.INVALID_INPUT.type().toString()))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError).description("400 only: every invalid field"))
                .addProperty("rule", new StringSchema().description("422 only: the slug of the rule that refused the command"));
    }
}
