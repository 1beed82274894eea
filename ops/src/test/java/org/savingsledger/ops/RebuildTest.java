package org.savingsledger.ops;

import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Resetting every read-model processor and replaying the event store rebuilds exactly what was built live. */
@AllInOneTest
class RebuildTest {

    private static final List<String> READ_MODEL_COLLECTIONS = List.of("stream_heads", "stream_history", "programme_savings");
    private static final String REPORT = "/api/committees/notts-ascph-committee/reports/notts-ascph-2018-03-12";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoDatabase mongo;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aRebuildFromTheEventStoreEqualsTheLiveReadModelsAndKeepsReportBytes() {
        ApiClient api = new ApiClient(port);
        String head = Long.toString(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
        Map<String, List<String>> live = dump();
        assertThat(live.get("stream_history")).hasSizeGreaterThanOrEqualTo(8);
        String reportBytes = api.get(REPORT).body();
        String programmes = api.get("/api/programmes").body();

        for (String name : QueryAxonConfig.READ_MODEL_PROCESSORS) {
            StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> QueryAxonConfig.READ_MODEL_PROCESSORS.stream()
                .map(name -> processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow())
                .noneMatch(StreamingEventProcessor::isReplaying));
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);

        assertThat(dump()).isEqualTo(live);
        assertThat(api.get(REPORT).body()).isEqualTo(reportBytes);
        assertThat(api.get("/api/programmes").body()).isEqualTo(programmes);
    }

    private Map<String, List<String>> dump() {
        Map<String, List<String>> collections = new LinkedHashMap<>();
        for (String name : READ_MODEL_COLLECTIONS) {
            List<String> documents = new ArrayList<>();
            mongo.getCollection(name).find().sort(new Document("_id", 1)).forEach(document -> documents.add(document.toJson()));
            collections.put(name, documents);
        }
        return collections;
    }
}
