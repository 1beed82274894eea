package org.savingsledger.query.saving;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandSucceededEvent;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.BsonDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.savingsledger.events.saving.SavingDeliveryRecorded;
import org.savingsledger.events.saving.SavingProposed;
import org.savingsledger.query.history.HistoryStore;
import org.savingsledger.query.history.HistoryTarget;
import org.savingsledger.query.history.HistoryWriter;
import org.savingsledger.query.history.SavingHistoryProjection;
import org.savingsledger.query.history.StreamKind;
import org.savingsledger.query.reading.HistoryEntry;
import org.savingsledger.query.reading.Visibility;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page of a saving's history reads the saving's head once and only the buckets its directory says can hold the
 * page's entries (with the first bucket, whose proposal says whether the saving existed then): never the buckets
 * recorded after asAt or effective after effectiveOn, and for a page of L entries at most ⌈(L + 1) / 10⌉ + 1 buckets
 * and the first. What it lists is what filtering every fact lists.
 */
class HistoryPageReadsTest {

    private static final SavingId SAVING = SavingId.of("s-paged");
    private static final ProgrammeId PROGRAMME = ProgrammeId.of("p-paged");
    private static final int FACTS = 250;
    private static final Instant START = Instant.parse("2020-04-01T09:00:00Z");
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 4, 1);
    private static final LocalDate EVERYTHING = LocalDate.of(2099, 1, 1);
    private static final Instant NOW = START.plus(FACTS + 1, ChronoUnit.DAYS);

    private static final Map<String, AtomicLong> FINDS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicLong> DOCUMENTS = new ConcurrentHashMap<>();

    private static MongoServer server;
    private static MongoClient client;
    private static HistoryStore store;
    private static SavingQueries queries;

    @BeforeAll
    static void history() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.bindAndGetConnectionString()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandSucceeded(CommandSucceededEvent event) {
                        if (event.getCommandName().equals("find")) {
                            BsonDocument cursor = event.getResponse().getDocument("cursor");
                            String collection = cursor.getString("ns").getValue().replaceFirst("^[^.]*\\.", "");
                            FINDS.computeIfAbsent(collection, name -> new AtomicLong()).incrementAndGet();
                            DOCUMENTS.computeIfAbsent(collection, name -> new AtomicLong())
                                    .addAndGet(cursor.getArray("firstBatch").size());
                        }
                    }
                }).build());
        store = new HistoryStore(client.getDatabase("history-pages"));
        SavingHistoryProjection projection = new SavingHistoryProjection(new HistoryWriter(HistoryTarget.of(store)));
        // the proposal on 2020-04-01, then £1 delivered each day: version v recorded and effective v days later
        projection.on(new SavingProposed(SAVING, PROGRAMME, "Paged", null, null, Confidence.CONFIDENT, Stage.IN_DELIVERY,
                SavingsProfile.of(Map.of(FinancialYear.of(2020), Money.pounds(1_000))), provenance(FIRST_DAY)), 0, START);
        for (int version = 1; version < FACTS; version++) {
            projection.on(new SavingDeliveryRecorded(SAVING, PROGRAMME, FinancialYear.of(2020), Money.pounds(1),
                    provenance(FIRST_DAY.plusDays(version))), version, START.plus(version, ChronoUnit.DAYS));
        }
        queries = new SavingQueries(store, Visibility.allOrganisations());
    }

    @AfterAll
    static void stopMongo() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void aPageReadsTheHeadOnceAndItsOwnBucketsWithTheFirst() {
        Reads reads = new Reads();
        SavingQueries.HistoryPage page = queries.history(SAVING.value(), NOW, EVERYTHING, 100, 20).orElseThrow();
        // versions 101 to 121 asked (one more tells whether more follow): buckets 10 to 12 of the 4 read, and bucket 0
        assertThat(page.entries()).extracting(HistoryEntry::version)
                .containsExactlyElementsOf(versions(101, 120));
        assertThat(page.more()).isTrue();
        reads.are(1, 1, 1, 5);
    }

    @Test
    void bucketsRecordedAfterAsAtAreNotRead() {
        Reads reads = new Reads();
        // versions 0 to 105 recorded by then: bucket 10 holds 101 to 105, bucket 11 (from day 110) is left unread
        SavingQueries.HistoryPage page = queries.history(SAVING.value(), START.plus(105, ChronoUnit.DAYS).plusSeconds(3_600),
                EVERYTHING, 100, 20).orElseThrow();
        assertThat(page.entries()).extracting(HistoryEntry::version).containsExactlyElementsOf(versions(101, 105));
        assertThat(page.more()).isFalse();
        reads.are(1, 1, 1, 2);
    }

    @Test
    void bucketsEffectiveAfterEffectiveOnAreNotRead() {
        Reads reads = new Reads();
        // effective by day 50: no entry after version 100, and of the buckets only the first (the proposal) is read
        SavingQueries.HistoryPage page = queries.history(SAVING.value(), NOW, FIRST_DAY.plusDays(50), 100, 20).orElseThrow();
        assertThat(page.entries()).isEmpty();
        assertThat(page.more()).isFalse();
        reads.are(1, 1, 1, 1);
    }

    @Test
    void beforeTheProposalNoBucketIsRead() {
        Reads reads = new Reads();
        assertThat(queries.history(SAVING.value(), START.minusSeconds(1), EVERYTHING, -1, 20)).isEmpty();
        reads.are(1, 1, 0, 0);
    }

    @Test
    void pagesListWhatFilteringEveryFactLists() {
        List<HistoryEntry> all = queries.history(SAVING.value(), NOW, EVERYTHING).orElseThrow();
        assertThat(all).hasSize(FACTS);
        Random random = new Random(20);
        for (int i = 0; i < 200; i++) {
            Instant asAt = START.plusSeconds(random.nextLong((FACTS + 2) * 86_400L));
            LocalDate effectiveOn = i % 3 == 0 ? EVERYTHING : FIRST_DAY.plusDays(random.nextInt(FACTS + 2));
            long after = random.nextInt(FACTS + 5) - 1;
            int limit = 1 + random.nextInt(60);
            List<HistoryEntry> visible = queries.history(SAVING.value(), asAt, effectiveOn).orElseThrow().stream()
                    .filter(entry -> entry.version() > after).toList();
            Reads reads = new Reads();
            SavingQueries.HistoryPage page = queries.history(SAVING.value(), asAt, effectiveOn, after, limit).orElseThrow();
            assertThat(page.entries()).as("asAt %s effectiveOn %s after %d limit %d", asAt, effectiveOn, after, limit)
                    .isEqualTo(visible.subList(0, Math.min(limit, visible.size())));
            assertThat(page.more()).isEqualTo(visible.size() > limit);
            // one read of buckets, at most the page's own (⌈(limit + 1) / 10⌉ + 1) and the first
            assertThat(reads.finds("saving_history_g1")).isEqualTo(1);
            assertThat(reads.documents("saving_history_g1")).isLessThanOrEqualTo((limit + 1 + 9) / 10 + 2);
        }
    }

    private static List<Long> versions(long from, long to) {
        return java.util.stream.LongStream.rangeClosed(from, to).boxed().toList();
    }

    private static Provenance provenance(LocalDate effective) {
        return new Provenance("tester", "because", effective, null);
    }

    /** The finds and documents read from each collection since it was made. */
    private static final class Reads {
        private final Map<String, Long> finds = snapshot(FINDS);
        private final Map<String, Long> documents = snapshot(DOCUMENTS);

        long finds(String collection) {
            return FINDS.getOrDefault(collection, new AtomicLong()).get() - finds.getOrDefault(collection, 0L);
        }

        long documents(String collection) {
            return DOCUMENTS.getOrDefault(collection, new AtomicLong()).get() - documents.getOrDefault(collection, 0L);
        }

        void are(long headFinds, long heads, long bucketFinds, long buckets) {
            assertThat(finds("saving_heads_g1")).as("finds of heads").isEqualTo(headFinds);
            assertThat(documents("saving_heads_g1")).as("heads read").isEqualTo(heads);
            assertThat(finds("saving_history_g1")).as("finds of buckets").isEqualTo(bucketFinds);
            assertThat(documents("saving_history_g1")).as("buckets read").isEqualTo(buckets);
        }

        private static Map<String, Long> snapshot(Map<String, AtomicLong> counts) {
            Map<String, Long> copy = new java.util.HashMap<>();
            counts.forEach((name, count) -> copy.put(name, count.get()));
            return copy;
        }
    }
}
