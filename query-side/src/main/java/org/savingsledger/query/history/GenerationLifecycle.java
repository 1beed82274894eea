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
import java.util.Date;
import java.util.Map;
import java.util.Optional;

/**
 * A rebuild's side of the hand-over described in {@link ReadModelGenerations}: starting the next
 * generation, reporting progress, stopping live admission, making the built generation the active
 * one, and dropping generations retired long enough ago. Only a rebuild calls these; queries and
 * live batches need {@link ReadModelGenerations} alone.
 */
@Component
public class GenerationLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationLifecycle.class);

    private final ReadModelGenerations generations;
    private final MongoDatabase database;
    private final MongoCollection<Document> states;
    private final Clock clock;

    public GenerationLifecycle(ReadModelGenerations generations) {
        this.generations = generations;
        this.database = generations.database();
        this.states = generations.stateDocuments();
        this.clock = generations.clock();
    }

    /** Starts building the next generation unless a rebuild with a recent heartbeat is under way; answers it. */
    public Optional<Integer> beginBuilding(StreamKind kind, String node, Duration staleAfter, Duration retiredKept) {
        ReadModelGenerations.State state = generations.state(kind);
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
            generations.drop(kind, state.building());
        }
        generations.drop(kind, next);
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
        ReadModelGenerations.State state = generations.state(kind);
        Instant now = clock.instant();
        Document done = states.findOneAndUpdate(Filters.and(Filters.eq("_id", kind.readModel()),
                        Filters.eq("building", generation), Filters.eq("handoff", true), Filters.eq("active", state.active())),
                Updates.combine(Updates.set("active", generation), Updates.set("handoff", false),
                        Updates.unset("building"), Updates.unset("handoffAt"), Updates.set("completedAt", Date.from(now)),
                        Updates.set("outcome", "COMPLETED"), Updates.unset("detail"),
                        Updates.push("retired", new Document("generation", state.active()).append("retiredAt", Date.from(now)))));
        return done != null;
    }

    /** Drops generations retired longer than {@code grace} ago (queries that began before a switch may still read them). */
    public void dropRetired(StreamKind kind, Duration grace) {
        Instant before = clock.instant().minus(grace);
        for (Document retired : generations.state(kind).retired()) {
            if (retired.getDate("retiredAt").toInstant().isBefore(before)) {
                int generation = retired.getInteger("generation");
                generations.drop(kind, generation);
                states.updateOne(Filters.eq("_id", kind.readModel()),
                        Updates.pull("retired", new Document("generation", generation)));
            }
        }
    }
}
