package org.savingsledger.query.history;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The generations of the read models and the hand-over protocol between a rebuild and the live processors. */
class ReadModelGenerationsTest {

    private static final Duration STALE = Duration.ofSeconds(30);
    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();
    private MongoDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = mongo.database("generations_" + System.nanoTime());
    }

    @Test
    void liveBatchesWriteTheFirstGenerationAndRecordTheHighestIndexAdmitted() {
        ReadModelGenerations generations = new ReadModelGenerations(database);
        GenerationLifecycle lifecycle = new GenerationLifecycle(generations);
        assertThat(generations.admitLiveBatch(StreamKind.SAVING, 41).generation(StreamKind.SAVING)).isEqualTo(1);
        generations.admitLiveBatch(StreamKind.SAVING, 7);
        lifecycle.beginBuilding(StreamKind.SAVING, "node-a", STALE, Duration.ZERO).orElseThrow();
        assertThat(lifecycle.beginHandoff(StreamKind.SAVING, 2)).contains(41L);
    }

    @Test
    void aSecondRebuildIsRefusedWhileTheFirstReports() {
        ReadModelGenerations generations = new ReadModelGenerations(database);
        GenerationLifecycle lifecycle = new GenerationLifecycle(generations);
        assertThat(lifecycle.beginBuilding(StreamKind.PROGRAMME, "node-a", STALE, Duration.ZERO)).contains(2);
        assertThat(lifecycle.beginBuilding(StreamKind.PROGRAMME, "node-b", STALE, Duration.ZERO)).isEmpty();
        // other read models are independent
        assertThat(lifecycle.beginBuilding(StreamKind.COMMITTEE, "node-b", STALE, Duration.ZERO)).contains(2);
        // one that stopped reporting is replaced
        assertThat(lifecycle.beginBuilding(StreamKind.PROGRAMME, "node-b", Duration.ZERO, Duration.ZERO)).contains(3);
    }

    @Test
    void duringTheHandOverLiveBatchesWaitAndThenWriteTheNewGeneration() throws Exception {
        ReadModelGenerations generations = new ReadModelGenerations(database);
        GenerationLifecycle lifecycle = new GenerationLifecycle(generations);
        int building = lifecycle.beginBuilding(StreamKind.SAVING, "node-a", STALE, Duration.ZERO).orElseThrow();
        lifecycle.beginHandoff(StreamKind.SAVING, building).orElseThrow();
        CompletableFuture<HistoryStore> waiting = CompletableFuture.supplyAsync(() -> generations.admitLiveBatch(StreamKind.SAVING, 50));
        assertThat(waiting).isNotDone();
        assertThat(generations.reading().generation(StreamKind.SAVING)).isEqualTo(1);

        assertThat(lifecycle.complete(StreamKind.SAVING, building)).isTrue();
        assertThat(waiting.get(10, TimeUnit.SECONDS).generation(StreamKind.SAVING)).isEqualTo(building);
        assertThat(generations.reading().generation(StreamKind.SAVING)).isEqualTo(building);
        assertThat(generations.state(StreamKind.SAVING).outcome()).isEqualTo("COMPLETED");
        assertThat(generations.state(StreamKind.SAVING).retired()).extracting(d -> d.getInteger("generation")).containsExactly(1);
    }

    @Test
    void anAbandonedRebuildDropsWhatItBuiltAndLiveBatchesGoOnInTheOldGeneration() {
        ReadModelGenerations generations = new ReadModelGenerations(database);
        GenerationLifecycle lifecycle = new GenerationLifecycle(generations);
        int building = lifecycle.beginBuilding(StreamKind.COMMITTEE, "node-a", STALE, Duration.ZERO).orElseThrow();
        HistoryBatch batch = new HistoryBatch(generations.store(StreamKind.COMMITTEE, building), StreamKind.COMMITTEE,
                java.util.List.of("c1"));
        batch.append("c1", new Fact(0, "CommitteeEstablished", java.time.Instant.EPOCH, java.time.LocalDate.EPOCH, "clerk",
                null, null, java.util.List.of(), java.util.Map.of(), null), new Document("organisation", "o"), null);
        batch.flush();
        lifecycle.beginHandoff(StreamKind.COMMITTEE, building).orElseThrow();

        generations.abandon(StreamKind.COMMITTEE, building, "test");

        assertThat(database.listCollectionNames().into(new ArrayList<>())).doesNotContain("committee_heads_g" + building);
        assertThat(generations.admitLiveBatch(StreamKind.COMMITTEE, 3).generation(StreamKind.COMMITTEE)).isEqualTo(1);
        assertThat(lifecycle.complete(StreamKind.COMMITTEE, building)).isFalse();
        assertThat(generations.state(StreamKind.COMMITTEE).outcome()).isEqualTo("ABANDONED");
    }
}
