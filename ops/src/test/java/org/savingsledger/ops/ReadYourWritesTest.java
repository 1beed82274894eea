package org.savingsledger.ops;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.history.ReadModelGenerations;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.infrastructure.ReadModelProgress;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A consistency token is honoured only once the read models hold the command's event. The
 * programme read model is held in the middle of its batch (the batch waits to be admitted, as it
 * does while a rebuild hands over), after the other read models have taken the event in: its stored
 * position must not cover the event yet. A processor that stores its position before handling its
 * batch (what Axon does when the processor has a transaction manager) covers it here, and a query with
 * the token would answer 404 from a read model without the programme: the intermittent failure of
 * {@link SplitDeploymentTest}, made deterministic.
 */
@AllInOneTest
class ReadYourWritesTest {

    private static final String PROGRAMMES = StreamKind.PROGRAMME.readModel();

    @LocalServerPort
    int port;

    @Autowired
    MongoDatabase mongo;

    @Autowired
    ReadModelProgress progress;

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aTokenCountsAsHandledOnlyOnceTheReadModelHoldsTheEvent() {
        ApiClient api = new ApiClient(port);
        String programme = "ryw-" + UUID.randomUUID().toString().substring(0, 8);
        MongoCollection<Document> generations = mongo.getCollection("read_model_generations");
        Object handoff = generations.find(Filters.eq("_id", PROGRAMMES)).first().get("handoff");
        long token;
        generations.updateOne(Filters.eq("_id", PROGRAMMES), Updates.set("handoff", true));
        try {
            ApiClient.Reply launched = api.post("/api/programmes", """
                    {"id": "%s", "organisation": "leicestershire", "name": "Held programme", "savingsTarget": 1000,
                     "firstYear": "2018/19", "lastYear": "2019/20"}""".formatted(programme));
            assertThat(launched.status()).as(launched.toString()).isEqualTo(201);
            token = Long.parseLong(launched.json().path("consistencyToken").asText());

            await().atMost(Duration.ofSeconds(10)).until(() -> passed(StreamKind.SAVING, token)
                    && passed(StreamKind.COMMITTEE, token) && programmeBatchWaits());
            assertThat(api.get("/api/programmes/" + programme).status()).as("the read model is held").isEqualTo(404);
            assertThat(progress.hasHandled(token)).as("the programme read model has not written the event").isFalse();
        } finally {
            generations.updateOne(Filters.eq("_id", PROGRAMMES),
                    handoff == null ? Updates.unset("handoff") : Updates.set("handoff", handoff));
        }

        ApiClient.Reply read = api.get("/api/programmes/" + programme + "?consistencyToken=" + token);
        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        assertThat(read.json().path("name").asText()).isEqualTo("Held programme");
    }

    /** Whether every segment of the read model's processor has finished a batch past {@code index}. */
    private boolean passed(StreamKind kind, long index) {
        StreamingEventProcessor processor = processing.eventProcessor(kind.readModel(), StreamingEventProcessor.class)
                .orElseThrow();
        return !processor.processingStatus().isEmpty() && processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .allMatch(position -> position.isPresent() && position.getAsLong() >= index);
    }

    /** Whether the programme read model's processor is waiting to have its batch admitted. */
    private static boolean programmeBatchWaits() {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(thread -> thread.getKey().getName().startsWith("EventProcessor[" + PROGRAMMES + "]"))
                .anyMatch(thread -> Arrays.stream(thread.getValue()).anyMatch(frame ->
                        frame.getClassName().equals(ReadModelGenerations.class.getName())
                                && frame.getMethodName().equals("admitLiveBatch")));
    }
}
