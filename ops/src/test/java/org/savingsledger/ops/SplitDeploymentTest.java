package org.savingsledger.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSideApplication;
import org.savingsledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side and the query side as separate applications: the query side reads the command
 * side's PostgreSQL event store and serves what was written there, read-your-writes included, and
 * signs in the users stored through the command side.
 */
class SplitDeploymentTest {

    private static final String NO_MONGO_ON_THE_COMMAND_SIDE =
            "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration";
    private static final String ADMIN_PASSWORD = "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD;

    @Test
    void theQuerySideServesWhatTheCommandSideStored() {
        Path dataDir = Path.of("target", "split-test", UUID.randomUUID().toString());
        try (ConfigurableApplicationContext commands = SpringApplication.run(CommandSideApplication.class,
                "--server.port=0", "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off", NO_MONGO_ON_THE_COMMAND_SIDE, ADMIN_PASSWORD)) {
            String eventStore = commands.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext queries = SpringApplication.run(QuerySideApplication.class,
                    "--server.port=0", "--spring.main.banner-mode=off", "--spring.datasource.url=" + eventStore,
                    "--spring.datasource.username=postgres", "--ledger.mongo.embedded-storage=memory", "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD)) {
                ApiClient commandApi = new ApiClient(port(commands)).withOrganisation("leicestershire");
                ApiClient queryApi = new ApiClient(port(queries));

                ApiClient.Reply launched = commandApi.post("/api/programmes", """
                        {"id": "split-programme", "organisation": "leicestershire", "name": "Transformation Programme",
                         "savingsTarget": 35400000, "firstYear": "2016/17", "lastYear": "2019/20"}""");
                assertThat(launched.status()).as(launched.toString()).isEqualTo(201);

                ApiClient.Reply summary = queryApi.get("/api/programmes/split-programme?consistencyToken="
                        + launched.json().path("consistencyToken").asText());
                // what the token store and read model held if this fails (an intermittent 404 here came from tokens stored
                // before the batch was written, fixed by running read-model processors without a transaction manager)
                assertThat(summary.status()).as(() -> summary + " tokens=" + queries.getBean(com.mongodb.client.MongoDatabase.class)
                        .getCollection("trackingtokens").find().into(new java.util.ArrayList<>()) + " heads="
                        + queries.getBean(com.mongodb.client.MongoDatabase.class).getCollection("programme_heads_g1").find()
                        .into(new java.util.ArrayList<>())).isEqualTo(200);
                assertThat(summary.json().path("savingsTarget").decimalValue()).isEqualByComparingTo("35400000");
                assertThat(queryApi.get("/actuator/health").json().path("status").asText()).isEqualTo("UP");
                // each side serves only its own half of the contract
                assertThat(queryApi.post("/api/programmes", "{}").status()).isIn(404, 405);
                assertThat(commandApi.get("/api/programmes/split-programme").status()).isIn(404, 405);
                eachSideDescribesItsOwnHalfCompletely(commandApi, queryApi);
                aUserStoredThroughTheCommandSideSignsInOnTheQuerySide(commandApi, queryApi);
            }
        }
    }

    /** Each side's {@code /v3/api-docs} is valid and complete on its own: sign-in, problem answers, money, years. */
    private static void eachSideDescribesItsOwnHalfCompletely(ApiClient commandApi, ApiClient queryApi) {
        ApiClient.Reply commands = commandApi.get("/v3/api-docs");
        ApiClient.Reply queries = queryApi.get("/v3/api-docs");
        assertThat(commands.status()).isEqualTo(200);
        assertThat(queries.status()).isEqualTo(200);
        assertThat(OpenApiValidationTest.valid("command side", commands.body()).getPaths()).containsKey("/api/savings/{id}/slips")
                .doesNotContainKey("/api/savings/{id}");
        assertThat(OpenApiValidationTest.valid("query side", queries.body()).getPaths()).containsKey("/api/savings/{id}")
                .doesNotContainKey("/api/savings/{id}/slips");
        OpenApiValidationTest.describesTheContract(commands.json());
        OpenApiValidationTest.describesMoneyBodies(commands.json());
        OpenApiValidationTest.describesTheContract(queries.json());
        JsonNode year = queries.json().at("/components/schemas/YearLine/properties/year");
        assertThat(year.path("pattern").asText()).isEqualTo("^\\d{4}/\\d{2}$");
        assertThat(queries.json().at("/components/schemas/YearLine/properties/planned/multipleOf").decimalValue())
                .isEqualByComparingTo("0.01");
    }

    /** Both sides read the stored users at every sign-in: a change on one holds on the other from the next request. */
    private static void aUserStoredThroughTheCommandSideSignsInOnTheQuerySide(ApiClient commandApi, ApiClient queryApi) {
        String password = "split deployment passphrase";
        ApiClient.Reply created = commandApi.post("/admin/users", """
                {"name": "split.viewer", "password": "%s", "roles": ["VIEWER"], "organisations": ["leicestershire"]}"""
                .formatted(password));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiClient viewer = queryApi.as("split.viewer", password);
        assertThat(viewer.get("/api/programmes/split-programme").status()).isEqualTo(200);
        assertThat(commandApi.put("/admin/users/split.viewer/organisations", "{\"organisations\": [\"rutland\"]}").status())
                .isEqualTo(200);
        assertThat(viewer.get("/api/programmes/split-programme").status()).isEqualTo(404);
        assertThat(commandApi.post("/admin/users/split.viewer/disable", "").status()).isEqualTo(200);
        assertThat(viewer.get("/api/programmes").status()).isEqualTo(401);
        // the users are the command side's: the query side has no such endpoints
        assertThat(queryApi.get("/admin/users").status()).isEqualTo(404);
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
