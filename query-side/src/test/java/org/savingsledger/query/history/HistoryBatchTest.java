package org.savingsledger.query.history;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.query.InMemoryMongo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two owners of one stream at once — a segment handed over while a batch was in flight — must not put
 * a head back: the late batch's older head is not written over the newer one, and its facts, already
 * stored, are not stored twice.
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

    @Test
    void aNewerHeadReplacesAnOlderOne() {
        HistoryStore store = store("history-batch-newer");
        HistoryBatch first = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        first.append("c1", fact(0), new Document("meetings", 1L), null);
        first.flush();
        HistoryBatch second = new HistoryBatch(store, StreamKind.COMMITTEE, List.of("c1"));
        second.append("c1", fact(1), new Document("meetings", 2L), null);
        second.flush();

        Document head = store.head(StreamKind.COMMITTEE, "c1").orElseThrow();
        assertThat(head.getLong("version")).isEqualTo(1L);
        assertThat(head.getLong("meetings")).isEqualTo(2L);
    }
}
