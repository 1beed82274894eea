package org.savingsledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Which generation of each read model queries read and live batches write — looked up on every
 * query, shared by every query-side instance through one small document per read model in
 * {@code read_model_generations} — and the live side of the hand-over from one generation to the
 * next when a rebuild has caught up (the rebuild's side is {@link GenerationLifecycle}).
 *
 * <p>The live processors write into the active generation. Before a batch's first write they
 * <em>admit</em> the batch (see {@link LiveHistoryTarget}):
 * an atomic update that records the highest event index of the batch ({@code claimedUpTo}) unless a
 * hand-over is under way. A rebuild fills the next generation from the start of the event store; when
 * it has caught up it sets {@code handoff} (from then on no live batch is admitted), reads
 * {@code claimedUpTo} — every event ever written into the old generation is at or below it — runs on
 * until it has handled that index too, stops, and makes its generation the active one. Live batches
 * admitted after that write into the new generation; events it already holds are recognised by their
 * version and skipped. The hand-over pauses the live processors only while the rebuild covers the last
 * few events; queries are answered throughout, from the old generation and then from the new.
 */
@Component
public class ReadModelGenerations {

    private static final Logger log = LoggerFactory.getLogger(ReadModelGenerations.class);
    private static final String COLLECTION = "read_model_generations";
    private static final int FIRST = 1;
    /** A hand-over not finished in this time is abandoned by whoever notices, so live processing resumes. */
    static final Duration HANDOFF_TIMEOUT = Duration.ofSeconds(60);

    private final MongoDatabase database;
    private final MongoCollection<Document> states;
    private final Clock clock;

    @org.springframework.beans.factory.annotation.Autowired
    public ReadModelGenerations(MongoDatabase database) {
        this(database, Clock.systemUTC());
    }

    ReadModelGenerations(MongoDatabase database, Clock clock) {
        this.database = database;
        this.states = database.getCollection(COLLECTION);
        this.clock = clock;
        for (StreamKind kind : StreamKind.values()) {
            initialise(kind);
        }
        reading().createIndexes();
    }

    MongoDatabase database() {
        return database;
    }

    MongoCollection<Document> stateDocuments() {
        return states;
    }

    Clock clock() {
        return clock;
    }

    private void initialise(StreamKind kind) {
        states.updateOne(Filters.eq("_id", kind.readModel()), Updates.setOnInsert("active", FIRST),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    /** The state of every read model: what queries read, and any rebuild under way. */
    public List<State> states() {
        Map<StreamKind, State> found = new EnumMap<>(StreamKind.class);
        for (Document document : states.find()) {
            StreamKind.ofReadModel(document.getString("_id")).ifPresent(kind -> found.put(kind, State.of(kind, document)));
        }
        List<State> all = new ArrayList<>();
        for (StreamKind kind : StreamKind.values()) {
            all.add(found.getOrDefault(kind, State.of(kind, new Document("active", FIRST))));
        }
        return all;
    }

    public State state(StreamKind kind) {
        return states().get(kind.ordinal());
    }

    /** A store of one kind pinned to {@code generation}: what a rebuild writes into. */
    public HistoryStore store(StreamKind kind, int generation) {
        return new HistoryStore(database, Map.of(kind, generation));
    }

    /** A store pinned to the generation each read model's queries read now: one read of the small state collection. */
    public HistoryStore reading() {
        Map<StreamKind, Integer> active = new EnumMap<>(StreamKind.class);
        states().forEach(state -> active.put(state.kind(), state.active()));
        return new HistoryStore(database, active);
    }

    /**
     * Admits a live batch whose highest event index is {@code lastIndex} and answers the store it
     * writes into; waits while a hand-over is under way (for at most {@link #HANDOFF_TIMEOUT}).
     */
    public HistoryStore admitLiveBatch(StreamKind kind, long lastIndex) {
        Instant deadline = clock.instant().plus(HANDOFF_TIMEOUT.multipliedBy(2));
        while (true) {
            Document state = states.findOneAndUpdate(
                    Filters.and(Filters.eq("_id", kind.readModel()), Filters.ne("handoff", true)),
                    Updates.max("claimedUpTo", lastIndex), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
            if (state != null) {
                return new HistoryStore(database, Map.of(kind, state.getInteger("active")));
            }
            // a hand-over is under way (or the state was deleted by hand: then it starts again at the first generation)
            initialise(kind);
            abandonStaleHandoff(kind);
            if (clock.instant().isAfter(deadline)) {
                throw new IllegalStateException("the hand-over of read model " + kind.readModel() + " did not finish");
            }
            pause();
        }
    }

    /**
     * Gives up a rebuild: live batches are admitted again and the half-built generation is dropped.
     * Here, not in {@link GenerationLifecycle}, because a live batch gives up a hand-over that
     * stopped reporting, as the rebuild gives up its own.
     */
    public void abandon(StreamKind kind, int generation, String why) {
        long matched = states.updateOne(Filters.and(Filters.eq("_id", kind.readModel()), Filters.eq("building", generation)),
                Updates.combine(Updates.unset("building"), Updates.set("handoff", false), Updates.unset("handoffAt"),
                        Updates.set("outcome", "ABANDONED"), Updates.set("detail", why),
                        Updates.set("completedAt", Date.from(clock.instant())))).getMatchedCount();
        if (matched == 1) {
            log.warn("Rebuild of {} generation {} abandoned: {}", kind.readModel(), generation, why);
            drop(kind, generation);
        }
    }

    private void abandonStaleHandoff(StreamKind kind) {
        State state = state(kind);
        if (state.handoff() && state.handoffAt() != null
                && state.handoffAt().isBefore(clock.instant().minus(HANDOFF_TIMEOUT)) && state.building() != null) {
            abandon(kind, state.building(), "the hand-over did not finish within " + HANDOFF_TIMEOUT.toSeconds() + " s");
        }
    }

    /** Drops a generation's collections, those that exist. */
    void drop(StreamKind kind, int generation) {
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        kind.collections(generation).stream().filter(existing::contains).forEach(name -> database.getCollection(name).drop());
    }

    private static void pause() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a read model was handed over", e);
        }
    }

    /** One read model's generations and rebuild, as recorded in {@code read_model_generations}. */
    public record State(StreamKind kind, int active, Integer building, boolean handoff, Instant handoffAt,
                        String node, Instant startedAt, Instant heartbeatAt, Instant completedAt, long position,
                        long head, String outcome, String detail, List<Document> retired) {

        static State of(StreamKind kind, Document document) {
            return new State(kind, document.getInteger("active", FIRST), document.getInteger("building"),
                    document.getBoolean("handoff", false), instant(document, "handoffAt"), document.getString("node"),
                    instant(document, "startedAt"), instant(document, "heartbeatAt"), instant(document, "completedAt"),
                    number(document, "position"), number(document, "head"), document.getString("outcome"),
                    document.getString("detail"), document.getList("retired", Document.class, List.of()));
        }

        /** The highest generation in use or kept: the next rebuild takes the one after. */
        int newestGeneration() {
            int newest = Math.max(active, building == null ? 0 : building);
            for (Document generation : retired) {
                newest = Math.max(newest, generation.getInteger("generation"));
            }
            return newest;
        }

        private static Instant instant(Document document, String field) {
            Date date = document.getDate(field);
            return date == null ? null : date.toInstant();
        }

        private static long number(Document document, String field) {
            Object value = document.get(field);
            return value == null ? -1 : ((Number) value).longValue();
        }
    }
}
