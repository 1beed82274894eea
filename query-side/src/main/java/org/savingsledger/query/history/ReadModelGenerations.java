package org.savingsledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
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
import java.util.Optional;

/**
 * Which generation of each read model queries read, and the hand-over from one generation to the
 * next when a rebuild has caught up — shared by every query-side instance through one small
 * document per read model in {@code read_model_generations}.
 *
 * <p>The live processors write into the active generation. Before each batch they <em>admit</em> it:
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
        replaceLegacyLayout();
        for (StreamKind kind : StreamKind.values()) {
            initialise(kind);
        }
        reading().createIndexes();
    }

    /**
     * Read models kept by a version before generations (one {@code stream_heads} for every kind) are
     * dropped with the read-model processors' positions, so the processors replay the event store
     * into the first generation. Kept report bytes stay.
     */
    private void replaceLegacyLayout() {
        List<String> legacy = List.of("stream_heads", "stream_history", "programme_savings");
        List<String> existing = database.listCollectionNames().into(new ArrayList<>());
        if (legacy.stream().noneMatch(existing::contains)) {
            return;
        }
        log.warn("Read models of an earlier version found: dropping them; the processors rebuild them from the events");
        List<String> processors = java.util.Arrays.stream(StreamKind.values()).map(StreamKind::readModel).toList();
        database.getCollection("trackingtokens").deleteMany(Filters.in("processorName", processors));
        legacy.stream().filter(existing::contains).forEach(name -> database.getCollection(name).drop());
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

    /** Starts building the next generation unless a rebuild with a recent heartbeat is under way; answers it. */
    public Optional<Integer> beginBuilding(StreamKind kind, String node, Duration staleAfter, Duration retiredKept) {
        State state = state(kind);
        Instant now = clock.instant();
        if (state.building() != null && state.heartbeatAt() != null
                && state.heartbeatAt().isAfter(now.minus(staleAfter))) {
            return Optional.empty();
        }
        int next = state.newestGeneration() + 1;
        Bson expected = state.building() == null
                ? Filters.and(Filters.eq("_id", kind.readModel()), Filters.eq("building", null))
                : Filters.and(Filters.eq("_id", kind.readModel()), Filters.eq("building", state.building()));
        Document started = states.findOneAndUpdate(expected, Updates.combine(
                Updates.set("building", next), Updates.set("handoff", false), Updates.set("node", node),
                Updates.set("startedAt", Date.from(now)), Updates.set("heartbeatAt", Date.from(now)),
                Updates.set("position", -1L), Updates.set("head", -1L), Updates.unset("outcome"), Updates.unset("detail"),
                Updates.unset("completedAt")));
        if (started == null) {
            return Optional.empty();
        }
        if (state.building() != null) {
            log.warn("Rebuild of {} generation {} on {} stopped reporting; starting generation {} instead",
                    kind.readModel(), state.building(), state.node(), next);
            drop(kind, state.building());
        }
        drop(kind, next);
        new HistoryStore(database, Map.of(kind, next)).createIndexes();
        dropRetired(kind, retiredKept);
        return Optional.of(next);
    }

    /** Records a rebuild's progress; false when the rebuild is no longer the one under way (abandoned). */
    public boolean heartbeat(StreamKind kind, int generation, long position, long head) {
        return states.updateOne(Filters.and(Filters.eq("_id", kind.readModel()), Filters.eq("building", generation)),
                Updates.combine(Updates.set("heartbeatAt", Date.from(clock.instant())), Updates.set("position", position),
                        Updates.set("head", head))).getMatchedCount() == 1;
    }

    /**
     * Stops admitting live batches and answers the highest event index ever admitted into the old
     * generation; empty when the rebuild is no longer the one under way.
     */
    public Optional<Long> beginHandoff(StreamKind kind, int generation) {
        Document state = states.findOneAndUpdate(
                Filters.and(Filters.eq("_id", kind.readModel()), Filters.eq("building", generation)),
                Updates.combine(Updates.set("handoff", true), Updates.set("handoffAt", Date.from(clock.instant()))),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        if (state == null) {
            return Optional.empty();
        }
        Object claimed = state.get("claimedUpTo");
        return Optional.of(claimed == null ? -1L : ((Number) claimed).longValue());
    }

    /** Makes the built generation the one queries read and live batches write; false if it was abandoned meanwhile. */
    public boolean complete(StreamKind kind, int generation) {
        State state = state(kind);
        Instant now = clock.instant();
        Document done = states.findOneAndUpdate(Filters.and(Filters.eq("_id", kind.readModel()),
                        Filters.eq("building", generation), Filters.eq("handoff", true), Filters.eq("active", state.active())),
                Updates.combine(Updates.set("active", generation), Updates.set("handoff", false),
                        Updates.unset("building"), Updates.unset("handoffAt"), Updates.set("completedAt", Date.from(now)),
                        Updates.set("outcome", "COMPLETED"), Updates.unset("detail"),
                        Updates.push("retired", new Document("generation", state.active()).append("retiredAt", Date.from(now)))));
        return done != null;
    }

    /** Gives up a rebuild: live batches are admitted again and the half-built generation is dropped. */
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

    /** Drops generations retired longer than {@code grace} ago (queries that began before a switch may still read them). */
    public void dropRetired(StreamKind kind, Duration grace) {
        Instant before = clock.instant().minus(grace);
        for (Document retired : state(kind).retired()) {
            if (retired.getDate("retiredAt").toInstant().isBefore(before)) {
                int generation = retired.getInteger("generation");
                drop(kind, generation);
                states.updateOne(Filters.eq("_id", kind.readModel()),
                        Updates.pull("retired", new Document("generation", generation)));
            }
        }
    }

    private void abandonStaleHandoff(StreamKind kind) {
        State state = state(kind);
        if (state.handoff() && state.handoffAt() != null
                && state.handoffAt().isBefore(clock.instant().minus(HANDOFF_TIMEOUT)) && state.building() != null) {
            abandon(kind, state.building(), "the hand-over did not finish within " + HANDOFF_TIMEOUT.toSeconds() + " s");
        }
    }

    private void drop(StreamKind kind, int generation) {
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
