package org.savingsledger.query.history;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.query.InMemoryMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two owners of one stream at once — a segment handed over while a batch was in flight — must not put
 * a head back: the late batch's older head is not written over the newer one, and its facts, already
 * stored, are not stored twice; nor may a head be left short of a batch that is counted as handled.
 * A head is written only where it still has the version its batch read, found by an index of its own.
 */
class HistoryBatchTest {

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private static Fact fact(long version) {
        return new Fact(version, "CommitteeEstablished", Instant.EPOCH.plusSeconds(version), LocalDate.EPOCH, "clerk",
                null, null, List.of(), Map.of(), null);
    }

    private static HistoryStore store(String database) {
        HistoryStore store = new HistoryStore(mongo.database(database));
        store.createIndexes();
        return store;
    }

    @Test
    void aBatchThatReadTheHeadBeforeAnotherOwnerMovedItOnLeavesTheNewerHead() {
        HistoryStore store = store("history-batch-late-owner");
        HistoryBatch late = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        HistoryBatch current = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        // both read no head; the current owner stores versions 0 to 2, meetings 3 in all
        for (long version = 0; version <= 2; version++) {
            current.append("c1", fact(version), new Document("meetings", version + 1), null);
        }
        current.flush();
        // the late batch stores versions 0 and 1 as it saw them, meetings 2
        late.append("c1", fact(0), new Document("meetings", 1L), null);
        late.append("c1", fact(1), new Document("meetings", 2L), null);
        late.flush();

        Document head = store.head(StreamKind.COMMITTEE, "c1").orElseThrow();
        assertThat(head.getLong("version")).isEqualTo(2L);
        assertThat(head.getLong("meetings")).isEqualTo(3L);
        // the facts are stored once each: versions 0, 1, 2
        assertThat(store.facts(StreamKind.COMMITTEE, "c1")).extracting(Fact::version).containsExactly(0L, 1L, 2L);
    }

    /** One batch of committee c1's versions {@code from} to {@code to}, meetings one more than the version, flushed. */
    private static void storeBatch(HistoryStore store, long from, long to) {
        HistoryBatch batch = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        for (long version = from; version <= to; version++) {
            batch.append("c1", fact(version), new Document("meetings", version + 1), null);
        }
        batch.flush();
    }

    @Test
    void aNewerHeadReplacesAnOlderOne() {
        HistoryStore store = store("history-batch-newer");
        storeBatch(store, 0, 0);
        storeBatch(store, 1, 1);

        Document head = store.head(StreamKind.COMMITTEE, "c1").orElseThrow();
        assertThat(head.getLong("version")).isEqualTo(1L);
        assertThat(head.getLong("meetings")).isEqualTo(2L);
    }

    @Test
    void aHeadMovedByAnotherWriterShortOfThisBatchsVersionFailsTheBatchWhichIsHandledAgainFromThere() {
        HistoryStore store = store("history-batch-moved-on");
        storeBatch(store, 0, 0);
        // both read the head at version 0
        HistoryBatch late = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        HistoryBatch owner = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        // the owner moves it on to version 1 (meetings 2); the late batch, further on at version 3, comes after
        owner.append("c1", fact(1), new Document("meetings", 2L), null);
        owner.flush();
        for (long version = 1; version <= 3; version++) {
            late.append("c1", fact(version), new Document("meetings", version + 1), null);
        }
        // left at version 1, the head would miss versions 2 and 3 for good if this batch's position were stored:
        // whichever of the two holds the segment, this batch fails and is not counted as handled
        assertThatThrownBy(late::flush).isInstanceOf(HistoryBatch.HeadMovedException.class)
                .hasMessageContaining("read its head at version 0 and would write version 3, but found it at version 1");

        Document head = store.head(StreamKind.COMMITTEE, "c1").orElseThrow();
        assertThat(head.getLong("version")).isEqualTo(1L);
        assertThat(head.getLong("meetings")).isEqualTo(2L);

        // handled again (or by the owner's next batch), versions 2 and 3 reach the head, each fact stored once
        storeBatch(store, 2, 3);
        head = store.head(StreamKind.COMMITTEE, "c1").orElseThrow();
        assertThat(head.getLong("version")).isEqualTo(3L);
        assertThat(head.getLong("meetings")).isEqualTo(4L);
        assertThat(store.facts(StreamKind.COMMITTEE, "c1")).extracting(Fact::version).containsExactly(0L, 1L, 2L, 3L);
    }

    @Test
    void theHeadsAreIndexedByIdAndVersionSoTheEmbeddedServerFindsAHeadToReplaceWithoutAScan() {
        HistoryStore store = store("history-batch-index");

        List<Document> indexes = store.headsOf(StreamKind.SAVING).listIndexes().into(new ArrayList<>());
        assertThat(indexes).anySatisfy(index -> {
            assertThat(index.getString("name")).isEqualTo("head_version");
            assertThat(index.get("key", Document.class)).containsExactly(Map.entry("_id", 1), Map.entry("version", 1));
            assertThat(index.getBoolean("unique")).isTrue();
        });
    }
}
