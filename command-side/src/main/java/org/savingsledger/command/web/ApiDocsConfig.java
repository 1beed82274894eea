package org.savingsledger.command.web;

import io.swagger.v3.oas.models.media.Schema;
import org.savingsledger.shared.LedgerIds;
import org.savingsledger.web.apidocs.LedgerApiDocs;
import org.savingsledger.web.apidocs.ProblemAnswers;
import org.savingsledger.web.problem.ProblemType;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What the generated OpenAPI description must say that annotations on each endpoint would only
 * repeat: the problem responses every command can give, the id pattern of their paths, and that
 * {@code expectedVersion} is best left out. What both sides' descriptions share (security, money,
 * years, the sign-in and role refusals) is {@link LedgerApiDocs}'.
 */
@Configuration(proxyBeanMethods = false)
@Import(LedgerApiDocs.class)
public class ApiDocsConfig {

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

    /**
     * Adds the problem responses to every command operation, the id pattern to their path ids, and to each
     * body's {@code expectedVersion} an example that works: null, the same as leaving it out. A number would be
     * some object's version only by chance (Swagger UI's "Try it out" would otherwise send 0: a 409, or a 400
     * on a create).
     */
    @Bean
    OpenApiCustomizer commandProblemResponses() {
        return openApi -> {
            openApi.getPaths().forEach((path, item) -> {
                if (!path.startsWith("/api/") || item.getPost() == null) {
                    return;
                }
                COMMAND_PROBLEMS.forEach((status, description) ->
                        ProblemAnswers.add(item.getPost().getResponses(), status, description));
                if (item.getPost().getParameters() != null) {
                    item.getPost().getParameters().stream()
                            .filter(p -> "id".equals(p.getName()) && "path".equals(p.getIn()))
                            .forEach(p -> p.getSchema().pattern(LedgerIds.PATTERN.pattern()));
                }
            });
            openApi.getComponents().getSchemas().values().forEach(ApiDocsConfig::expectedVersion);
        };
    }

    private static void expectedVersion(Schema<?> body) {
        if (body.getProperties() == null || !(body.getProperties().get("expectedVersion") instanceof Schema<?> version)) {
            return;
        }
        version.setTypes(new LinkedHashSet<>(List.of("integer", "null")));
        version.setMinimum(BigDecimal.ZERO);
        version.setDescription("the version the change was decided on (a command's answer, a query's version): "
                + "any other current version is a 409 and nothing is written; leave it out, or null, to apply to "
                + "whatever is current. Refused (400) on a command that creates something");
        version.setExample(null);
        version.setExampleSetFlag(true);
    }
}
