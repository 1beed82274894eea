package org.savingsledger.ops;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSideApplication;
import org.savingsledger.query.QuerySideApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The stores going away and coming back while the application runs: PostgreSQL (commands answer 503
 * with Retry-After and write nothing, and work again once it is back, without a restart) and MongoDB
 * (commands still succeed; the read models catch up afterwards, nothing lost or doubled).
 */
class FaultTest {

    private static final String ADMIN = "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD;
    private static final String NO_MONGO = "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration";

    @Test
    void theEventStoreGoesAwayAndComesBackAndSoDoesMongo() throws Exception {
        Path dataDir = Path.of("target", "fault-test", UUID.randomUUID().toString()).toAbsolutePath();
        Path mongoFile = dataDir.resolve("mongo.mv");
        Files.createDirectories(dataDir);
        int mongoPort = freePort();
        MongoServer mongo = new MongoServer(new H2Backend(mongoFile.toString()));
        mongo.bind("localhost", mongoPort);
        EmbeddedPostgres restarted = null;
        try (ConfigurableApplicationContext commands = SpringApplication.run(CommandSideApplication.class, "--server.port=0",
                "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off", NO_MONGO, ADMIN,
                "--spring.datasource.hikari.connection-timeout=2000")) {
            EmbeddedPostgres postgres = commands.getBean(EmbeddedPostgres.class);
            int postgresPort = postgres.getPort();
            String eventStore = postgres.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext queries = SpringApplication.run(QuerySideApplication.class, "--server.port=0",
                    "--spring.datasource.url=" + eventStore, "--spring.datasource.username=postgres",
                    "--ledger.mongo.uri=mongodb://localhost:" + mongoPort + "/savings_ledger", "--spring.main.banner-mode=off",
                    ADMIN)) {
                ApiClient commandApi = new ApiClient(port(commands)).withOrganisation("faultshire");
                ApiClient queryApi = new ApiClient(port(queries));
                assertThat(commandApi.post("/api/programmes", programme("before-faults")).status()).isEqualTo(201);

                // MongoDB goes away: commands do not need it
                mongo.shutdownNow();
                String token = null;
                for (int i = 0; i < 5; i++) {
                    ApiClient.Reply reply = commandApi.post("/api/programmes", programme("while-mongo-down-" + i));
                    assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
                    token = reply.json().path("consistencyToken").asText();
                }
                // ... and comes back: the read models catch up with every event, once
                mongo = new MongoServer(new H2Backend(mongoFile.toString()));
                mongo.bind("localhost", mongoPort);
                String caughtUp = token;
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        queryApi.get("/api/programmes?organisation=faultshire&consistencyToken=" + caughtUp).status() == 200);
                assertThat(queryApi.get("/api/programmes?organisation=faultshire").json()).hasSize(6);
                for (int i = 0; i < 5; i++) {
                    assertThat(queryApi.get("/api/programmes/while-mongo-down-" + i + "/savings").status()).isEqualTo(200);
                }
                assertThat(queries.getBean(com.mongodb.client.MongoDatabase.class).getCollection("programme_history_g1")
                        .countDocuments()).as("one fact bucket per programme: nothing doubled").isEqualTo(6);

                // PostgreSQL goes away: commands answer 503 with Retry-After and write nothing
                postgres.close();
                ApiClient.Reply refused = commandApi.post("/api/programmes", programme("while-postgres-down"));
                assertThat(refused.status()).as(refused.toString()).isEqualTo(503);
                assertThat(refused.header("Retry-After")).isNotBlank();
                assertThat(refused.contentType()).startsWith("application/problem+json");
                // ... and comes back on the same port and data: the application recovers without a restart
                restarted = EmbeddedPostgres.builder().setPort(postgresPort).setDataDirectory(dataDir.resolve("postgres"))
                        .setCleanDataDirectory(false).start();
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        commandApi.post("/api/programmes", programme("after-postgres")).status() == 201);
                // the refused create left nothing behind: the same id can be created now
                ApiClient.Reply again = commandApi.post("/api/programmes", programme("while-postgres-down"));
                assertThat(again.status()).as(again.toString()).isEqualTo(201);
                String last = again.json().path("consistencyToken").asText();
                await().atMost(Duration.ofSeconds(90)).until(() ->
                        queryApi.get("/api/programmes?organisation=faultshire&consistencyToken=" + last).status() == 200);
                assertThat(queryApi.get("/api/programmes?organisation=faultshire").json()).hasSize(8);
            }
        } finally {
            mongo.shutdownNow();
            if (restarted != null) {
                restarted.close();
            }
        }
    }

    private static String programme(String id) {
        return """
                {"id": "%s", "organisation": "faultshire", "name": "Faults", "savingsTarget": 100,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(id);
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("localhost", 0));
            return socket.getLocalPort();
        }
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
