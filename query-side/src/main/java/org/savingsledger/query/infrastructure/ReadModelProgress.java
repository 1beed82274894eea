package org.savingsledger.query.infrastructure;

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
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * How far the read models are, read from the shared Mongo token store (one entry per segment of
 * each read-model processor) rather than from this process's processors, so every query-side
 * instance gives the same answer whichever segments it holds.
 */
@Component
public class ReadModelProgress {

    /** Axon's MongoTokenStore default collection. */
    private static final String TOKENS = "trackingtokens";

    private final MongoCollection<Document> tokens;
    private final Serializer serializer;
    private final EventCoverage coverage;

    public ReadModelProgress(MongoDatabase database, Serializer serializer, EventCoverage coverage) {
        this.tokens = database.getCollection(TOKENS);
        this.serializer = serializer;
        this.coverage = coverage;
    }

    /**
     * Whether every segment of every read-model processor has handled the event at {@code globalIndex}
     * (see {@link EventCoverage} for what counts as handled).
     */
    public boolean hasHandled(long globalIndex) {
        Map<String, Boolean> covered = new HashMap<>();
        Set<String> processors = new HashSet<>(QueryAxonConfig.READ_MODEL_PROCESSORS);
        for (Document entry : tokens.find(Filters.in("processorName", processors))) {
            covered.merge(entry.getString("processorName"), coverage.covers(read(entry), globalIndex), Boolean::logicalAnd);
        }
        return covered.keySet().equals(processors) && !covered.containsValue(false);
    }

    /**
     * Every read-model segment's token, as text: it changes whenever any read model takes in an event,
     * so equal positions mean equal read models (the BI feeds' ETag).
     */
    public String position() {
        Map<String, String> positions = new TreeMap<>();
        for (Document entry : tokens.find(Filters.in("processorName", QueryAxonConfig.READ_MODEL_PROCESSORS))) {
            positions.put(entry.getString("processorName") + "/" + entry.get("segment"), describe(read(entry)));
        }
        return positions.toString();
    }

    /**
     * A token's position with the gaps it still has below it: an event committed after a later one
     * (two commands racing) fills a gap without moving the index, and the read model changed all the same.
     */
    static String describe(TrackingToken token) {
        if (token == null) {
            return "-";
        }
        String position = String.valueOf(token.position().orElse(-1));
        return WrappedToken.unwrapLowerBound(token) instanceof GapAwareTrackingToken gapAware && gapAware.hasGaps()
                ? position + " but " + gapAware.getGaps() : position;
    }

    /** The position of the processor's slowest segment: -1 before it handled anything. */
    public long slowestPosition(String processor) {
        long slowest = Long.MAX_VALUE;
        for (Document entry : tokens.find(Filters.eq("processorName", processor))) {
            TrackingToken token = read(entry);
            slowest = Math.min(slowest, token == null ? -1 : token.position().orElse(-1));
        }
        return slowest == Long.MAX_VALUE ? -1 : slowest;
    }

    private TrackingToken read(Document entry) {
        Binary token = entry.get("token", Binary.class);
        String type = entry.getString("tokenType");
        if (token == null || type == null) {
            return null;
        }
        return serializer.deserialize(new SimpleSerializedObject<>(token.getData(), byte[].class, type, null));
    }
}
