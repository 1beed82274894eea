package org.savingsledger.query.infrastructure;

import com.mongodb.client.MongoDatabase;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.MergedTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.savingsledger.query.InMemoryMongo;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.savingsledger.events.EventJson;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When read-your-writes counts an event as handled: every segment of every read-model processor, as
 * stored in the shared token store, must have passed it. Gap-aware tokens are where this is subtle:
 * PostgreSQL hands out global indices when events are inserted, and two commands racing may commit
 * out of order, so a processor can pass index 8 while 7 is still being committed (a gap below its
 * position). The event store is a stand-in that knows which indices are stored.
 */
class ReadModelProgressTest {

    private static final List<String> READ_MODELS = QueryAxonConfig.READ_MODEL_PROCESSORS;
    private static final Pattern INDICES = Pattern.compile("in \\(([\\d,]+)\\)");

    @RegisterExtension
    static final InMemoryMongo mongo = new InMemoryMongo();

    private final Serializer serializer = JacksonSerializer.builder().objectMapper(EventJson.objectMapper()).build();
    /** The global indices committed to the event store. */
    private final Set<Long> stored = new HashSet<>();
    private final List<String> lookups = new ArrayList<>();
    private TokenStore tokenStore;
    private ReadModelProgress progress;

    @BeforeEach
    void freshStores() {
        MongoDatabase database = mongo.database("progress_" + System.nanoTime());
        tokenStore = MongoTokenStore.builder().mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(database).build())
                .serializer(serializer).nodeId("this-instance").build();
        JdbcTemplate eventStore = new JdbcTemplate() {
            @Override
            public <T> T queryForObject(String sql, Class<T> requiredType) {
                lookups.add(sql);
                Matcher indices = INDICES.matcher(sql);
                assertThat(indices.find()).as(sql).isTrue();
                long count = Arrays.stream(indices.group(1).split(",")).map(Long::valueOf).filter(stored::contains).count();
                return requiredType.cast(count);
            }
        };
        EventSchema schema = EventSchema.builder().eventTable("domain_event_entry").globalIndexColumn("global_index").build();
        progress = new ReadModelProgress(database, serializer, new EventCoverage(eventStore, schema));
    }

    @Test
    void anEventIsHandledOnceEverySegmentOfEveryReadModelHasPassedIt() {
        commit(1, 9);
        assertThat(progress.hasHandled(1)).as("no read model has started").isFalse();

        READ_MODELS.forEach(readModel -> tokenStore.initializeTokenSegments(readModel, 2));
        assertThat(progress.hasHandled(1)).as("no segment has taken anything in").isFalse();

        READ_MODELS.forEach(readModel -> {
            tokenStore.storeToken(passed(9), readModel, 0);
            tokenStore.storeToken(passed(9), readModel, 1);
        });
        tokenStore.storeToken(passed(6), READ_MODELS.get(1), 1);
        assertThat(progress.hasHandled(6)).isTrue();
        assertThat(progress.hasHandled(7)).as("one segment of one read model is at 6").isFalse();

        tokenStore.storeToken(passed(9), READ_MODELS.get(1), 1);
        assertThat(progress.hasHandled(9)).isTrue();
        assertThat(progress.hasHandled(10)).isFalse();
    }

    @Test
    void aReadModelWithoutAPositionHasHandledNothing() {
        commit(1, 3);
        READ_MODELS.stream().skip(1).forEach(readModel -> {
            tokenStore.initializeTokenSegments(readModel, 1);
            tokenStore.storeToken(passed(3), readModel, 0);
        });
        assertThat(progress.hasHandled(1)).as(READ_MODELS.get(0) + " has no token entry").isFalse();
    }

    /**
     * Command A is given index 7, command B index 8; B commits first and the processors take 8 in
     * with 7 as a gap. B's answer (token 8) is read at once; A's (token 7) only once its event is in
     * the read models, and once A's event is stored every later token waits for it too, since a client
     * may have seen A's answer before sending B.
     */
    @Test
    void aGapBelowTheTokenCountsOnlyOnceItsEventIsCommitted() {
        commit(1, 6);
        commit(8, 8);
        everyReadModelAt(gapAware(8, 7));

        assertThat(progress.hasHandled(8)).as("7 is not committed: nobody was answered for it").isTrue();
        assertThat(progress.hasHandled(7)).as("7 is a gap of every read model").isFalse();

        commit(7, 7);
        assertThat(progress.hasHandled(7)).isFalse();
        assertThat(progress.hasHandled(8)).as("7 is committed now, but no read model has it").isFalse();

        everyReadModelAt(passed(8));
        assertThat(progress.hasHandled(7)).isTrue();
        assertThat(progress.hasHandled(8)).isTrue();
    }

    @Test
    void gapsAtOrAboveTheEventNeedNoLookUp() {
        commit(1, 9);
        everyReadModelAt(gapAware(9, 8));
        assertThat(progress.hasHandled(7)).isTrue();
        assertThat(progress.hasHandled(8)).isFalse();
        assertThat(lookups).as("only a gap below the event is looked up").isEmpty();
    }

    /** A rebuild in place replays from the start, and merged segments are as far as the slower half. */
    @Test
    void replayingAndMergedTokensCountWhatTheyHaveHandled() {
        commit(1, 9);
        everyReadModelAt(ReplayToken.createReplayToken(passed(9)));
        assertThat(progress.hasHandled(1)).as("a replay that has not started").isFalse();

        everyReadModelAt(ReplayToken.createReplayToken(passed(9), passed(5)));
        assertThat(progress.hasHandled(5)).isTrue();
        assertThat(progress.hasHandled(6)).isFalse();

        everyReadModelAt(new MergedTrackingToken(passed(4), passed(9)));
        assertThat(progress.hasHandled(4)).isTrue();
        assertThat(progress.hasHandled(5)).isFalse();
    }

    /**
     * The position is the BI feeds' ETag: when a late commit fills a gap the index stays where it was,
     * yet the read models hold one more event, so the position must change or a refresh gets a 304
     * for data it does not have.
     */
    @Test
    void aFilledGapChangesThePositionThoughTheIndexStays() {
        commit(1, 9);
        everyReadModelAt(gapAware(9, 7));
        String withGap = progress.position();
        assertThat(progress.position()).isEqualTo(withGap);

        everyReadModelAt(passed(9));
        assertThat(progress.position()).isNotEqualTo(withGap);
    }

    private void commit(long first, long last) {
        for (long index = first; index <= last; index++) {
            stored.add(index);
        }
    }

    private void everyReadModelAt(TrackingToken token) {
        for (String readModel : READ_MODELS) {
            if (tokenStore.fetchSegments(readModel).length == 0) {
                tokenStore.initializeTokenSegments(readModel, 1);
            }
            tokenStore.storeToken(token, readModel, 0);
        }
    }

    private static GapAwareTrackingToken passed(long index) {
        return GapAwareTrackingToken.newInstance(index, Set.of());
    }

    /** Passed {@code index} but not yet {@code gap}. */
    private static GapAwareTrackingToken gapAware(long index, long gap) {
        return GapAwareTrackingToken.newInstance(index, Set.of(gap));
    }
}
