package org.savingsledger.ops;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.savingsledger.query.committee.CommitteeQueries;
import org.savingsledger.query.reading.Visibility;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Rebuilding the read models from the event store: through the administrators' endpoint into new
 * collections while queries and commands go on, and by Axon's reset-and-replay in place; both build
 * exactly what was built live.
 */
@AllInOneTest
class RebuildTest {

    private static final String REPORT = "/api/committees/notts-ascph-committee/reports/notts-ascph-2018-03-12";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MongoDatabase mongo;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    ReadModelGenerations generations;

    @Autowired
    ObjectMapper json;

    @Test
    void onlyAnAdministratorMayRebuildAndAnUnknownReadModelIsRefused() {
        ApiClient anonymous = ApiClient.anonymous(port);
        ApiClient.Reply refused = anonymous.post("/admin/read-models/rebuild", "");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("WWW-Authenticate")).contains("Basic realm=");
        assertThat(anonymous.get("/admin/read-models").status()).isEqualTo(401);
        assertThat(anonymous.as("admin", "not-the-password").get("/admin/read-models").status()).isEqualTo(401);

        ApiClient admin = anonymous.as("admin", AllInOneTest.ADMIN_PASSWORD);
        ApiClient.Reply unknown = admin.post("/admin/read-models/rebuild?readModel=everything", "");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("errors").path(0).path("field").asText()).isEqualTo("readModel");
        ApiClient.Reply states = admin.get("/admin/read-models");
        assertThat(states.status()).isEqualTo(200);
        assertThat(states.json().path("readModels")).extracting(node -> node.path("name").asText())
                .containsExactly("saving-history", "programme-history", "committee-history",
                "organisation-history");
    }

    @Test
    void aRebuildIntoNewCollectionsKeepsAnsweringQueriesAndLosesNoCommandMadeMeanwhile() throws JsonProcessingException {
        ApiClient api = new ApiClient(port);
        ApiClient admin = api;
        String head = Long.toString(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        String programmes = api.get("/api/programmes?consistencyToken=" + head).body();
        String reportBytes = api.get(REPORT).body();
        Map<StreamKind, Integer> before = active();
        Map<String, List<String>> built = dump(before);

        ApiClient.Reply started = admin.post("/admin/read-models/rebuild", "");
        assertThat(started.status()).as(started.toString()).isEqualTo(202);
        assertThat(started.location()).isEqualTo("/admin/read-models");
        assertThat(admin.post("/admin/read-models/rebuild?readModel=saving-history", "").status()).isEqualTo(409);

        // meanwhile a council records a programme, a saving and deliveries, and reads each back at once
        String organisation = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        api.withOrganisation(organisation);
        String programme = api.post("/api/programmes", """
                {"organisation": "%s", "name": "During the rebuild", "savingsTarget": 1000000,
                 "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(organisation)).json().path("id").asText();
        String saving = api.post("/api/programmes/" + programme + "/savings", """
                {"title": "Recorded during the rebuild", "confidence": "CONFIDENT", "stage": "IN_DELIVERY",
                 "profile": {"2018/19": 500000}}""").json().path("id").asText();
        BigDecimal delivered = BigDecimal.ZERO;
        int queries = 0;
        while (!rebuilt(before) || queries < 3) {
            ApiClient.Reply delivery = api.post("/api/savings/" + saving + "/deliveries",
                    "{\"year\": \"2018/19\", \"amount\": 1.25, \"reason\": \"weekly outturn\"}");
            assertThat(delivery.status()).as(delivery.toString()).isEqualTo(200);
            delivered = delivered.add(new BigDecimal("1.25"));
            String token = delivery.json().path("consistencyToken").asText();
            ApiClient.Reply read = api.get("/api/programmes/" + programme + "?consistencyToken=" + token);
            assertThat(read.status()).as(read.toString()).isEqualTo(200);
            assertThat(read.json().path("totals").path("delivered").decimalValue())
                    .as(() -> "token " + token + " states " + generations.states() + " facts " + factsPerGeneration(saving))
                    .isEqualByComparingTo(delivered);
            assertThat(api.get(REPORT).body()).isEqualTo(reportBytes);
            queries++;
            assertThat(queries).as("rebuild finished").isLessThan(3000);
        }

        Map<StreamKind, Integer> after = active();
        before.forEach((kind, generation) -> assertThat(after.get(kind)).isGreaterThan(generation));
        assertThat(admin.get("/admin/read-models").json().path("readModels"))
                .allSatisfy(model -> assertThat(model.path("lastRebuild").path("outcome").asText()).isEqualTo("COMPLETED"));
        // the new generation holds what the old one held, plus what was recorded meanwhile
        Map<String, List<String>> rebuilt = dump(after);
        rebuilt.values().forEach(documents -> documents.removeIf(document -> document.contains(organisation)
                || document.contains(programme) || document.contains(saving)));
        assertThat(new ArrayList<>(rebuilt.values())).isEqualTo(new ArrayList<>(built.values()));
        assertThat(api.get(REPORT).body()).isEqualTo(reportBytes);
        assertThat(recomputedReport()).isEqualTo(reportBytes);
        assertThat(api.get("/api/programmes/" + programme).json().path("totals").path("delivered").decimalValue())
                .isEqualByComparingTo(delivered);
    }

    @Test
    void aResetAndReplayInPlaceEqualsTheLiveReadModelsAndKeepsReportBytes() throws JsonProcessingException {
        ApiClient api = new ApiClient(port);
        String head = Long.toString(jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class));
        assertThat(api.get("/api/programmes?consistencyToken=" + head).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> generations.states().stream().allMatch(s -> s.building() == null));
        Map<String, List<String>> live = dump(active());
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

        assertThat(dump(active())).isEqualTo(live);
        assertThat(api.get(REPORT).body()).isEqualTo(reportBytes);
        assertThat(recomputedReport()).isEqualTo(reportBytes);
        assertThat(api.get("/api/programmes").body()).isEqualTo(programmes);
    }

    /**
     * The demo report computed from the read models queries read now, as the report endpoint computes it
     * when it has no kept bytes: {@code GET} serves the bytes kept in {@code frozen_reports}, which no
     * rebuild touches, so only this shows the rebuilt read models give the same figures.
     */
    private String recomputedReport() throws JsonProcessingException {
        return json.writeValueAsString(new CommitteeQueries(generations.reading(), Visibility.allOrganisations())
                .report("notts-ascph-committee", "notts-ascph-2018-03-12", Instant.now()).orElseThrow());
    }

    private String factsPerGeneration(String saving) {
        StringBuilder facts = new StringBuilder();
        for (int generation = 1; generation <= 4; generation++) {
            facts.append(" g").append(generation).append("=");
            mongo.getCollection("saving_history_g" + generation).find(new Document("stream", saving))
                    .forEach(bucket -> bucket.getList("facts", Document.class)
                            .forEach(fact -> facts.append(fact.get("version")).append("@").append(fact.get("globalIndex")).append(",")));
        }
        return facts.toString();
    }

    private boolean rebuilt(Map<StreamKind, Integer> before) {
        return generations.states().stream().allMatch(state -> state.building() == null
                && state.active() > before.get(state.kind()));
    }

    private Map<StreamKind, Integer> active() {
        Map<StreamKind, Integer> active = new LinkedHashMap<>();
        generations.states().forEach(state -> active.put(state.kind(), state.active()));
        return active;
    }

    /** Every document of the given generations, per collection role (kind and what it holds), by id. */
    private Map<String, List<String>> dump(Map<StreamKind, Integer> generation) {
        Map<String, List<String>> collections = new LinkedHashMap<>();
        generation.forEach((kind, number) -> {
            for (String name : kind.collections(number)) {
                List<String> documents = new ArrayList<>();
                mongo.getCollection(name).find().sort(new Document("_id", 1)).forEach(document -> documents.add(document.toJson()));
                collections.put(name.replaceAll("_g\\d+$", ""), documents);
            }
        });
        return collections;
    }
}
