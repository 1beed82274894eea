package org.savingsledger.query.web;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.WrappedToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;
import org.bson.types.Binary;
import org.savingsledger.query.infrastructure.QueryAxonConfig;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Honours a command's consistency token: the event store's global index of the command's last
 * event. A query waits (at most {@link #PATIENCE}) until every segment of every read-model
 * processor has handled that event — not merely passed its index, since an earlier transaction may
 * commit late and leave a gap below it — and otherwise answers 503.
 *
 * <p>Progress is read from the shared token store, not from this instance's processors, so the
 * answer is the same on every query-side instance, whichever segments each of them holds.
 */
@Component
class ReadYourWrites {

    static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final long POLL_MILLIS = 10;
    /** Axon's MongoTokenStore default collection. */
    private static final String TOKENS = "trackingtokens";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;

    ReadYourWrites(MongoDatabase database, Serializer serializer) {
        this.tokens = database.getCollection(TOKENS);
        this.serializer = serializer;
    }

    void await(String consistencyToken) {
        if (consistencyToken == null) {
            return;
        }
        long index = QueryParameters.globalIndex(consistencyToken);
        TrackingToken event = GapAwareTrackingToken.newInstance(index, Collections.emptySet());
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!hasHandled(event)) {
            if (System.nanoTime() > deadline) {
                throw new NotCaughtUp(consistencyToken);
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new NotCaughtUp(consistencyToken);
            }
        }
    }

    /** The token store holds one entry per segment of each processor: every one must cover the event. */
    private boolean hasHandled(TrackingToken event) {
        Map<String, Boolean> covered = new HashMap<>();
        Set<String> processors = new HashSet<>(QueryAxonConfig.READ_MODEL_PROCESSORS);
        for (Document entry : tokens.find(Filters.in("processorName", processors))) {
            TrackingToken token = WrappedToken.unwrapLowerBound(read(entry));
            boolean segmentCovers = token != null && token.covers(event);
            covered.merge(entry.getString("processorName"), segmentCovers, Boolean::logicalAnd);
        }
        return covered.keySet().equals(processors) && !covered.containsValue(false);
    }

    private TrackingToken read(Document entry) {
        Binary token = entry.get("token", Binary.class);
        String type = entry.getString("tokenType");
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token.getData(), byte[].class, type, null));
    }

    /** The read models have not reached the token in time. */
    static class NotCaughtUp extends RuntimeException {

        NotCaughtUp(String token) {
            super("the read models have not yet caught up with consistency token " + token
                    + " after " + PATIENCE.toSeconds() + " s; retry shortly");
        }
    }
}
