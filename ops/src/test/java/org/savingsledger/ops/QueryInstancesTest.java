package org.savingsledger.ops;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.savingsledger.command.CommandSideApplication;
import org.savingsledger.query.QuerySideApplication;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two query-side instances on one event store and one MongoDB: both answer queries, each read-model
 * segment is claimed by one of them, every event is projected once, and when one instance stops the
 * other takes over its segments.
 */
class QueryInstancesTest {

    @Test
    void twoInstancesShareTheReadModelsAndOneTakesOverWhenTheOtherStops() {
        Path dataDir = Path.of("target", "instances-test", UUID.randomUUID().toString());
        MongoServer mongo = new MongoServer(new MemoryBackend());
        String mongoUri = mongo.bindAndGetConnectionString() + "/savings_ledger";
        try (ConfigurableApplicationContext commands = SpringApplication.run(CommandSideApplication.class,
                "--server.port=0", "--ledger.data-dir=" + dataDir, "--spring.main.banner-mode=off",
                "--spring.autoconfigure.exclude=org.springframework.boot.autoconfigure.mongo.MongoAutoConfiguration",
                "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD);
             MongoClient client = MongoClients.create(mongoUri)) {
            String eventStore = commands.getBean(EmbeddedPostgres.class).getJdbcUrl("postgres", "postgres");
            ConfigurableApplicationContext first = query(eventStore, mongoUri, "query-1");
            try (ConfigurableApplicationContext second = query(eventStore, mongoUri, "query-2")) {
                ApiClient commandApi = new ApiClient(port(commands)).withOrganisation("shared");
                var tokens = client.getDatabase("savings_ledger").getCollection("trackingtokens");
                // two segments per read model, eight in all: the instances end up holding four each
                await().atMost(Duration.ofSeconds(60)).until(() -> owners(tokens).equals(Map.of("query-1", 4L, "query-2", 4L)));

                String token = "";
                for (int i = 0; i < 5; i++) {
                    token = commandApi.post("/api/programmes", """
                            {"id": "instances-%d", "organisation": "shared", "name": "Programme %d", "savingsTarget": 100,
                             "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(i, i)).json().path("consistencyToken").asText();
                }
                for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
                    assertThat(new ApiClient(port(instance)).get("/api/programmes?organisation=shared&consistencyToken=" + token)
                            .json()).hasSize(5);
                }
                // every event once: one fact per programme in its history, split by segment between the instances;
                // the processor takes in the organisation's registration too (and passes it by)
                assertThat(client.getDatabase("savings_ledger").getCollection("programme_history_g1")
                        .countDocuments()).isEqualTo(5);
                assertThat(handled(first, "programme-history") + handled(second, "programme-history")).isEqualTo(6);
                assertThat(owners(tokens)).containsOnlyKeys("query-1", "query-2");

                first.close();
                commandApi.post("/api/programmes", """
                        {"id": "instances-after", "organisation": "shared", "name": "After the stop", "savingsTarget": 100,
                         "firstYear": "2018/19", "lastYear": "2019/20"}""");
                ApiClient survivor = new ApiClient(port(second));
                await().atMost(Duration.ofSeconds(60)).until(() ->
                        survivor.get("/api/programmes/instances-after").status() == 200);
                await().atMost(Duration.ofSeconds(60)).until(() -> owners(tokens).equals(Map.of("query-2", 8L)));
            } finally {
                first.close();
            }
        } finally {
            mongo.shutdownNow();
        }
    }

    private static ConfigurableApplicationContext query(String eventStore, String mongoUri, String nodeId) {
        return SpringApplication.run(QuerySideApplication.class, "--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + eventStore, "--spring.datasource.username=postgres",
                "--ledger.mongo.uri=" + mongoUri, "--ledger.node-id=" + nodeId, "--ledger.admin.password=" + AllInOneTest.ADMIN_PASSWORD,
                "--ledger.projection.segments=2", "--ledger.projection.balance-interval=PT0.5S");
    }

    /** How many read-model segments each instance holds. */
    private static Map<String, Long> owners(com.mongodb.client.MongoCollection<Document> tokens) {
        Map<String, Long> owners = new java.util.TreeMap<>();
        tokens.find(new Document("processorName", new Document("$in", QueryAxonConfig.READ_MODEL_PROCESSORS)))
                .forEach(entry -> {
                    if (entry.getString("owner") != null) {
                        owners.merge(entry.getString("owner"), 1L, Long::sum);
                    }
                });
        return owners;
    }

    /** Events a processor handled in one instance ({@code ledger.processor.events}, outcome handled). */
    private static long handled(ConfigurableApplicationContext instance, String processor) {
        var counter = instance.getBean(io.micrometer.core.instrument.MeterRegistry.class).find("ledger.processor.events")
                .tag("processor", processor).tag("outcome", "handled").counter();
        return counter == null ? 0 : (long) counter.count();
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }
}
