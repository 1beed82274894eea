package org.savingsledger.command.web;

import org.junit.jupiter.api.Test;
import org.springdoc.core.configuration.SpringDocConfiguration;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springdoc.webmvc.core.configuration.SpringDocWebMvcConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.annotation.Import;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The generated OpenAPI description: every command path, money and years as on the wire, the problem responses. */
@ImportAutoConfiguration({SpringDocConfiguration.class, SpringDocConfigProperties.class, SpringDocWebMvcConfiguration.class})
@Import(ApiDocsConfig.class)
class ApiDocsWebTest extends CommandWebTest {

    @Test
    void describesEveryCommandWithItsFormatsAndProblems() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths", hasKey("/api/savings/{id}/slips")))
                .andExpect(jsonPath("$.paths", hasKey("/api/committees/{id}/reports")))
                .andExpect(jsonPath("$.paths['/api/programmes'].post.responses", hasKey("201")))
                .andExpect(jsonPath("$.paths['/api/savings/{id}/slips'].post.responses", hasKey("422")))
                .andExpect(jsonPath("$.paths['/api/savings/{id}/slips'].post.parameters[0].schema.pattern")
                        .value("^[a-z0-9][a-z0-9-]{0,62}$"))
                .andExpect(jsonPath("$.components.schemas.MoveRequest.properties.amount.type").value("number"))
                .andExpect(jsonPath("$.components.schemas.MoveRequest.properties.fromYear.example").value("2018/19"))
                .andExpect(jsonPath("$.components.schemas.Problem.properties", hasKey("errors")))
                .andExpect(jsonPath("$.components.schemas.MoveRequest.properties.amount.multipleOf").value(0.01))
                .andExpect(jsonPath("$.components.schemas.MoveRequest.properties.amount.maximum").value(1000000000000L))
                .andExpect(jsonPath("$.components.securitySchemes.basicAuth.scheme").value("basic"))
                .andExpect(jsonPath("$.components.securitySchemes.bearerAuth.scheme").value("bearer"))
                .andExpect(jsonPath("$.paths['/api/savings/{id}/slips'].post.responses", hasKey("403")))
                .andExpect(jsonPath("$.servers[0].url").value("/"))
                .andExpect(jsonPath("$.tags[?(@.name == 'Savings')].description").value(
                        org.hamcrest.Matchers.hasItem(containsString("Europe/London"))));
    }
}
