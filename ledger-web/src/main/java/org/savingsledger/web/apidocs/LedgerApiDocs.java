package org.savingsledger.web.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.NumberSchema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.Total;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.math.BigDecimal;
import java.util.List;

/**
 * What the API description of either side says alike, so that each side's {@code /v3/api-docs} is complete
 * on its own and the all-in-one's is their union: who may call (HTTP Basic, bearer tokens), the problem
 * answers every operation can give, money and financial years as on the wire, the fields every answer always
 * has, and a server address relative to wherever the description was fetched from.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerApiDocs {

    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";

    private static final BigDecimal PENNY = new BigDecimal("0.01");
    /** {@link Money#MAX} without its decimals, so the description reads 1000000000000 rather than 1000000000000.00. */
    private static final BigDecimal LIMIT = new BigDecimal(Money.MAX.amount().toBigIntegerExact());

    static {
        // Schemas are resolved once per type, so the replacements must be registered before the first request for the docs.
        org.springdoc.core.utils.SpringDocUtils.getConfig()
                .replaceWithSchema(Money.class, new NumberSchema()
                        .multipleOf(PENNY).maximum(LIMIT).minimum(LIMIT.negate())
                        .description("pounds sterling (GBP), at most 2 decimal places, written as a plain JSON number; at most "
                                + "£" + LIMIT.toPlainString() + " in magnitude")
                        .example(6804000.50))
                .replaceWithSchema(Total.class, new NumberSchema()
                        .multipleOf(PENNY)
                        .description("pounds sterling (GBP), exact to the penny, written as a plain JSON number: a sum of "
                                + "amounts, which may pass the £" + LIMIT.toPlainString() + " bound of one amount"))
                .replaceWithSchema(FinancialYear.class, new StringSchema()
                        .pattern("^\\d{4}/\\d{2}$")
                        .description("UK financial year, 1 April to 31 March, 1990/91 to 2099/00")
                        .example("2018/19"));
    }

    /** The base every description is built on: springdoc adds the paths and schemas, the customizers below the rest. */
    @Bean
    OpenAPI ledgerOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Savings Ledger API").version("1")
                        .description("Commands and queries of Savings Ledger, HTTP contract version 1. Money is a JSON number "
                                + "in pounds sterling with at most 2 decimal places; financial years are written 2018/19 "
                                + "(2018-19 in paths). Every operation needs a signed-in user: HTTP Basic, or a bearer token "
                                + "of the OpenID Connect provider where one is configured; only GET /actuator/health (not "
                                + "described here) is open to anyone."))
                // relative: the server the description was fetched from, whatever name a proxy gave it
                .servers(List.of(new Server().url("/").description("the server this description was fetched from")))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("a user of the ledger (configured, or kept under /admin/users) and its password; "
                                        + "always over TLS"))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT")
                                .description("an access token of the OpenID Connect provider the ledger is configured with "
                                        + "(roles and organisations from its claims); refused where none is configured")))
                .security(List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    OpenApiCustomizer ledgerProblemAnswers() {
        return new ProblemAnswers();
    }

    @Bean
    static AlwaysWrittenFields alwaysWrittenFields() {
        return new AlwaysWrittenFields();
    }

    /** Last, once every path and schema is in place. */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    OpenApiCustomizer ledgerResponseFields() {
        return new ResponseFields();
    }
}
