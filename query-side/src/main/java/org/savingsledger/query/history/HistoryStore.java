package org.savingsledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read side's bitemporal store: for every stream (a saving, a programme, a committee) its
 * head (the current state in recording order, with the last version applied) in
 * {@code <kind>_heads_g<n>}, and its facts in buckets (of {@value Checkpoints#BUCKET_SIZE} for a saving, of
 * {@value #BUCKET_SIZE} otherwise: the head's {@code bucketSize}, see {@link Checkpoints}) in
 * {@code <kind>_history_g<n>} ({@code _id} = stream id and bucket number). {@code n} is the
 * read model's generation: a rebuild fills the next generation's collections while queries read
 * the current one (see {@link ReadModelGenerations}); an instance of this class is pinned to one
 * generation of each kind. Every read is by {@code _id} or {@code _id $in}: the
 * shape that uses an index on a real MongoDB and on mongo-java-server alike, so a query's cost
 * depends on the streams it reads, never on the size of the store.
 *
 * <p>Appending is idempotent: a fact already in its bucket is not added again, and a head never
 * goes back to an older version. Writes go by {@code _id} and one stream is owned by one
 * processor segment at a time, so read-decide-write needs no transaction.
 */
public final class HistoryStore {

    /** Facts per bucket of a programme or committee stream, and of a saving stream started by an earlier release. */
    static final int BUCKET_SIZE = 100;

    /** Facts per bucket of the stream whose head (or head-to-be) this is (see {@link Checkpoints}). */
    static int bucketSize(Document head) {
        Number size = head == null ? null : head.get(Checkpoints.BUCKET_SIZE_FIELD, Number.class);
        return size == null ? BUCKET_SIZE : size.intValue();
    }

    private final MongoDatabase database;
    private final Map<StreamKind, Integer> generations;

    /** A store pinned to the given generation of each kind. */
    public HistoryStore(MongoDatabase database, Map<StreamKind, Integer> generations) {
        this.database = database;
        this.generations = Map.copyOf(generations);
    }

    /** A store pinned to the first generation of every kind (tests, tools). */
    public HistoryStore(MongoDatabase database) {
        this(database, Map.of(StreamKind.SAVING, 1, StreamKind.PROGRAMME, 1, StreamKind.COMMITTEE, 1));
        createIndexes();
    }

    /** The same store with {@code kind} pinned to {@code generation}. */
    public HistoryStore with(StreamKind kind, int generation) {
        Map<StreamKind, Integer> pinned = new java.util.EnumMap<>(generations);
        pinned.put(kind, generation);
        return new HistoryStore(database, pinned);
    }

    /** The generation of {@code kind} this store reads and writes. */
    public int generation(StreamKind kind) {
        return generations.get(kind);
    }

    /** The indexes of the pinned generations' collections (created once per generation). */
    void createIndexes() {
        generations.forEach((kind, generation) -> headsOf(kind).createIndex(Indexes.ascending("organisation"),
                new IndexOptions().name("organisation")));
    }

    /** The generations this store is pinned to, as text. */
    String pinned() {
        return generations.toString();
    }

    MongoCollection<Document> headsOf(StreamKind kind) {
        return database.getCollection(kind.heads(generations.get(kind)));
    }

    MongoCollection<Document> history(StreamKind kind) {
        return database.getCollection(kind.history(generations.get(kind)));
    }

    MongoCollection<Document> members() {
        return database.getCollection(StreamKind.SAVING.members(generations.get(StreamKind.SAVING)));
    }

    /**
     * The current head of a stream of this kind: its version and state. Inside a processor batch,
     * as the batch has left it so far (see {@link BatchWrites}).
     */
    public Optional<Document> head(StreamKind kind, String streamId) {
        BatchWrites batch = BatchWrites.current(this);
        return batch != null ? batch.head(kind, streamId) : readHead(kind, streamId);
    }

    Optional<Document> readHead(StreamKind kind, String streamId) {
        return Optional.ofNullable(headsOf(kind).find(Filters.eq("_id", streamId)).first());
    }

    List<Document> readHeads(StreamKind kind, Collection<String> streamIds) {
        List<Document> found = new ArrayList<>();
        if (!streamIds.isEmpty()) {
            headsOf(kind).find(Filters.in("_id", streamIds)).into(found);
        }
        return found;
    }

    /**
     * A projection calls this once it has handled an event, whatever it did with it (another kind's
     * event included): after the last event of a processor batch the batch's writes are made, before
     * the processor stores its position.
     */
    public static void handled() {
        BatchWrites.flushAtLastEvent();
    }

    /** Heads of the given kind in one organisation, by id. */
    public List<Document> heads(StreamKind kind, String organisation) {
        List<Document> found = new ArrayList<>();
        headsOf(kind).find(Filters.eq("organisation", organisation)).into(found);
        found.sort(Comparator.comparing(head -> head.getString("_id")));
        return found;
    }

    /** Every head of a kind, by id (all organisations). */
    public List<Document> heads(StreamKind kind) {
        List<Document> found = new ArrayList<>();
        headsOf(kind).find().into(found);
        found.sort(Comparator.comparing(head -> head.getString("_id")));
        return found;
    }

    /**
     * Records {@code fact} as the next of stream {@code streamId} and moves its head to {@code state}.
     * Does nothing when the head is already at or past the fact's version (an event delivered twice).
     * Inside a processor batch the write waits for the batch's end (see {@link BatchWrites}).
     */
    public void append(String streamId, StreamKind kind, Fact fact, Document state) {
        append(streamId, kind, fact, state, null);
    }

    /**
     * As {@link #append(String, StreamKind, Fact, Document)}; when the fact opens a bucket,
     * {@code checkpoint} (if not null) is stored with the bucket (see {@link Checkpoints}).
     */
    public void append(String streamId, StreamKind kind, Fact fact, Document state, Document checkpoint) {
        BatchWrites batch = BatchWrites.current(this);
        if (batch != null) {
            batch.append(streamId, kind, fact, state, checkpoint);
            return;
        }
        Document head = readHead(kind, streamId).orElse(null);
        if (head != null && head.getLong("version") >= fact.version()) {
            return;
        }
        String bucketId = bucketId(streamId, fact.version() / bucketSize(state));
        MongoCollection<Document> history = history(kind);
        Document bucket = history.find(Filters.eq("_id", bucketId)).first();
        boolean present = bucket != null && bucket.getList("facts", Document.class).stream()
                .anyMatch(stored -> stored.getLong("version") == fact.version());
        if (!present) {
            history.updateOne(Filters.eq("_id", bucketId), Updates.combine(Updates.setOnInsert("stream", streamId),
                            checkpointOnInsert(checkpoint), Updates.push("facts", fact.toDocument())),
                    new UpdateOptions().upsert(true));
        }
        Document newHead = new Document(state).append("_id", streamId).append("version", fact.version());
        headsOf(kind).replaceOne(Filters.eq("_id", streamId), newHead, new ReplaceOptions().upsert(true));
    }

    /** Every fact of the given streams of one kind, oldest first per stream; a stream without a head has none. */
    public Map<String, List<Fact>> facts(StreamKind kind, Collection<String> streamIds) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return facts;
        }
        List<String> bucketIds = new ArrayList<>();
        headsOf(kind).find(Filters.in("_id", streamIds)).forEach(head -> {
            for (long bucket = 0; bucket <= head.getLong("version") / bucketSize(head); bucket++) {
                bucketIds.add(bucketId(head.getString("_id"), bucket));
            }
        });
        Map<String, List<Fact>> byStream = new HashMap<>();
        history(kind).find(Filters.in("_id", bucketIds)).forEach(bucket -> {
            List<Fact> streamFacts = byStream.computeIfAbsent(bucket.getString("stream"), id -> new ArrayList<>());
            bucket.getList("facts", Document.class).forEach(fact -> streamFacts.add(Fact.fromDocument(fact)));
        });
        for (String streamId : streamIds) {
            List<Fact> streamFacts = byStream.getOrDefault(streamId, new ArrayList<>());
            streamFacts.sort(Comparator.comparingLong(Fact::version));
            facts.put(streamId, streamFacts);
        }
        return facts;
    }

    /**
     * What a fold of savings as at {@code asAt}, effective on {@code effectiveOn}, needs of their
     * facts, oldest first per saving: when a bucket's checkpoint counts (every fact it sums was
     * recorded by {@code asAt} and effective by {@code effectiveOn}), the latest such checkpoint as
     * a {@link Checkpoints#TYPE} fact followed by the facts from its bucket on, up to the last bucket
     * holding a fact recorded by {@code asAt}; otherwise every fact up to there. Two reads for all the
     * savings, whatever the length of their histories. Not for listing history entries.
     */
    public Map<String, List<Fact>> savingFolds(Collection<String> savingIds, Instant asAt, LocalDate effectiveOn) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        if (savingIds.isEmpty()) {
            return facts;
        }
        List<String> bucketIds = new ArrayList<>();
        Map<String, String> checkpointBuckets = new HashMap<>();
        headsOf(StreamKind.SAVING).find(Filters.in("_id", savingIds)).forEach(head -> {
            String id = head.getString("_id");
            long[] range = Checkpoints.bucketsToRead(head, asAt, effectiveOn);
            for (long bucket = range[0]; bucket <= range[1]; bucket++) {
                bucketIds.add(bucketId(id, bucket));
            }
            if (range[0] > 0) {
                checkpointBuckets.put(id, bucketId(id, range[0]));
            }
        });
        Map<String, List<Fact>> byStream = new HashMap<>();
        history(StreamKind.SAVING).find(Filters.in("_id", bucketIds)).forEach(bucket -> {
            String stream = bucket.getString("stream");
            List<Fact> streamFacts = byStream.computeIfAbsent(stream, id -> new ArrayList<>());
            bucket.getList("facts", Document.class).forEach(fact -> streamFacts.add(Fact.fromDocument(fact)));
            if (bucket.getString("_id").equals(checkpointBuckets.get(stream))) {
                streamFacts.add(Checkpoints.asFact(bucket.get("checkpoint", Document.class)));
            }
        });
        for (String savingId : savingIds) {
            List<Fact> streamFacts = byStream.getOrDefault(savingId, new ArrayList<>());
            streamFacts.sort(Comparator.comparingLong(Fact::version));
            facts.put(savingId, streamFacts);
        }
        return facts;
    }

    public List<Fact> facts(StreamKind kind, String streamId) {
        return facts(kind, List.of(streamId)).get(streamId);
    }

    /** Ids of the savings proposed in a programme, in the order they were proposed. */
    public List<String> savingsOf(String programmeId) {
        Document document = members().find(Filters.eq("_id", programmeId)).first();
        return document == null ? List.of() : document.getList("savingIds", String.class);
    }

    void addSaving(String programmeId, String savingId) {
        BatchWrites batch = BatchWrites.current(this);
        if (batch != null) {
            batch.addSaving(programmeId, savingId);
            return;
        }
        members().updateOne(Filters.eq("_id", programmeId), Updates.addToSet("savingIds", savingId),
                new UpdateOptions().upsert(true));
    }

    /**
     * Forgets every stream of a kind in the pinned generation, for a replay from the event store
     * into the same collections.
     */
    void reset(StreamKind kind) {
        kind.collections(generations.get(kind)).forEach(name -> database.getCollection(name).deleteMany(new Document()));
    }

    /** Stores a checkpoint with a new bucket; nothing for a bucket without one. */
    static org.bson.conversions.Bson checkpointOnInsert(Document checkpoint) {
        return checkpoint == null ? new Document() : Updates.setOnInsert("checkpoint", checkpoint);
    }

    static String bucketId(String streamId, long bucket) {
        return streamId + "#" + bucket;
    }
}
