package org.savingsledger.query.history;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import org.bson.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the read side's bitemporal store: for every stream (a saving, a programme, a committee) its
 * head (the current state in recording order, with the last version applied) in
 * {@code <kind>_heads_g<n>}, and its facts in buckets (of {@link StreamKind#bucketSize()} facts) in
 * {@code <kind>_history_g<n>} ({@code _id} = stream id and bucket number). {@code n} is the
 * read model's generation: a rebuild fills the next generation's collections while queries read
 * the current one (see {@link ReadModelGenerations}); an instance of this class is pinned to one
 * generation of each kind. Every read is by {@code _id} or {@code _id $in}: the
 * shape that uses an index on a real MongoDB and on mongo-java-server alike, so a query's cost
 * depends on the streams it reads, never on the size of the store.
 *
 * <p>Projections write through {@link HistoryBatch}, into the collections of the generation a store
 * is pinned to; nothing here writes but the indexes.
 */
public final class HistoryStore {

    private final MongoDatabase database;
    private final Map<StreamKind, Integer> generations;

    /** The index of the heads' collections on {@code _id} and {@code version}. */
    static final String HEAD_VERSION_INDEX = "head_version";

    /** A store pinned to the given generation of each kind. */
    public HistoryStore(MongoDatabase database, Map<StreamKind, Integer> generations) {
        this.database = database;
        this.generations = Map.copyOf(generations);
    }

    /** A store pinned to the first generation of every kind (tests, tools). */
    public HistoryStore(MongoDatabase database) {
        this(database, Map.of(StreamKind.SAVING, 1, StreamKind.PROGRAMME, 1, StreamKind.COMMITTEE, 1,
                StreamKind.ORGANISATION, 1));
        createIndexes();
    }

    /** The same store with {@code kind} pinned to {@code generation}. */
    public HistoryStore with(StreamKind kind, int generation) {
        Map<StreamKind, Integer> pinned = new EnumMap<>(generations);
        pinned.put(kind, generation);
        return new HistoryStore(database, pinned);
    }

    /** The generation of {@code kind} this store reads and writes. */
    public int generation(StreamKind kind) {
        return generations.get(kind);
    }

    /** The indexes of the pinned generations' collections (created once per generation). */
    void createIndexes() {
        generations.forEach((kind, generation) -> {
            headsOf(kind).createIndex(Indexes.ascending("organisation"), new IndexOptions().name("organisation"));
            // a head is written only over the version its batch read ({@link HistoryBatch#flush()}); the embedded
            // server uses an index only for a filter naming exactly its keys, so without this one every head
            // written would scan the whole collection (MongoDB would use _id's index either way)
            headsOf(kind).createIndex(Indexes.ascending("_id", "version"), new IndexOptions().name(HEAD_VERSION_INDEX).unique(true));
        });
    }

    MongoDatabase database() {
        return database;
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

    /** The current head of a stream of this kind: its version and state. */
    public Optional<Document> head(StreamKind kind, String streamId) {
        return Optional.ofNullable(headsOf(kind).find(Filters.eq("_id", streamId)).first());
    }

    /** The head of a stream of this kind with only the given fields (and its id). */
    public Optional<Document> head(StreamKind kind, String streamId, List<String> fields) {
        return Optional.ofNullable(headsOf(kind).find(Filters.eq("_id", streamId)).projection(Projections.include(fields)).first());
    }

    List<Document> readHeads(StreamKind kind, Collection<String> streamIds) {
        List<Document> found = new ArrayList<>();
        if (!streamIds.isEmpty()) {
            headsOf(kind).find(Filters.in("_id", streamIds)).into(found);
        }
        return found;
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

    /** Every fact of the given streams of one kind, oldest first per stream; a stream without a head has none. */
    public Map<String, List<Fact>> facts(StreamKind kind, Collection<String> streamIds) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return facts;
        }
        List<String> bucketIds = new ArrayList<>();
        headsOf(kind).find(Filters.in("_id", streamIds)).forEach(head -> {
            for (long bucket = 0; bucket <= head.getLong("version") / kind.bucketSize(); bucket++) {
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
     * facts, oldest first per saving: when a bucket's fold snapshot counts (every fact it sums was
     * recorded by {@code asAt} and effective by {@code effectiveOn}), the latest such snapshot as
     * a {@link FoldSnapshots#TYPE} fact followed by the facts of its bucket and of the later buckets that
     * can hold a visible fact ({@link FoldSnapshots#bucketsToRead}); otherwise the facts of the first
     * bucket and of those later ones. Facts of buckets left out are not visible, so they change no fold;
     * not for listing history entries. Two reads for all the savings, whatever the length of their histories;
     * one when every fact of every saving is visible (the usual question, as at now): then a saving's head
     * holds their fold, returned as one {@link FoldSnapshots#TYPE} fact, and none of its buckets is read.
     */
    public Map<String, List<Fact>> savingFolds(Collection<String> savingIds, Instant asAt, LocalDate effectiveOn) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        if (savingIds.isEmpty()) {
            return facts;
        }
        List<String> bucketIds = new ArrayList<>();
        Map<String, String> snapshotBuckets = new HashMap<>();
        Map<String, List<Fact>> byStream = new HashMap<>();
        headsOf(StreamKind.SAVING).find(Filters.in("_id", savingIds)).forEach(head -> {
            String id = head.getString("_id");
            Fact whole = FoldSnapshots.whole(head, asAt, effectiveOn);
            if (whole != null) {
                byStream.put(id, new ArrayList<>(List.of(whole)));
                return;
            }
            long[] buckets = FoldSnapshots.bucketsToRead(head, asAt, effectiveOn);
            for (long bucket : buckets) {
                bucketIds.add(bucketId(id, bucket));
            }
            if (buckets[0] > 0) {
                snapshotBuckets.put(id, bucketId(id, buckets[0]));
            }
        });
        if (!bucketIds.isEmpty()) {
            history(StreamKind.SAVING).find(Filters.in("_id", bucketIds)).forEach(bucket -> {
                String stream = bucket.getString("stream");
                List<Fact> streamFacts = byStream.computeIfAbsent(stream, id -> new ArrayList<>());
                bucket.getList("facts", Document.class).forEach(fact -> streamFacts.add(Fact.fromDocument(fact)));
                if (bucket.getString("_id").equals(snapshotBuckets.get(stream))) {
                    streamFacts.add(FoldSnapshots.asFact(bucket.get("checkpoint", Document.class)));
                }
            });
        }
        for (String savingId : savingIds) {
            List<Fact> streamFacts = byStream.getOrDefault(savingId, new ArrayList<>());
            streamFacts.sort(Comparator.comparingLong(Fact::version));
            facts.put(savingId, streamFacts);
        }
        return facts;
    }

    /** Every fact of one stream, oldest first. */
    public List<Fact> facts(StreamKind kind, String streamId) {
        return facts(kind, List.of(streamId)).get(streamId);
    }

    /** A saving's facts listed on one page of its history, and whether its proposal was recorded by then. */
    public record SavingPage(boolean proposed, List<Fact> facts) {
    }

    /** Of a saving's head, what {@link #savingPage} and visibility need: its programme and bucket bounds, not its folds. */
    public static final List<String> PAGE_HEAD_FIELDS = List.of("version", "programmeId", "directory", "earliestEffective");

    /**
     * Up to {@code count} facts of a saving after version {@code after} that are visible as at {@code asAt}, effective
     * on {@code effectiveOn}, oldest first, read from the saving's {@code head} (at least {@link #PAGE_HEAD_FIELDS}) on:
     * only the buckets its directory says can hold a visible fact ({@link FoldSnapshots#bucketsThatCanShow}), about
     * {@code count / bucket size + 1} of them at a time, their facts alone (not their checkpoints). A page of 500
     * therefore reads about 51 buckets whatever the history's length, and none recorded after {@code asAt}. Whether
     * the proposal was recorded by {@code asAt} is read from the first bucket (with the page's, when it is needed),
     * and when it was not, no bucket is read at all.
     */
    public SavingPage savingPage(Document head, Instant asAt, LocalDate effectiveOn, long after, int count) {
        String savingId = head.getString("_id");
        if (!FoldSnapshots.mayHoldRecordedBy(head, 0, asAt)) {
            return new SavingPage(false, List.of());
        }
        long[] candidates = FoldSnapshots.bucketsThatCanShow(head, asAt, effectiveOn, (after + 1) / StreamKind.SAVING.bucketSize());
        int bucketsPerRead = (count + StreamKind.SAVING.bucketSize() - 1) / StreamKind.SAVING.bucketSize() + 1;
        Boolean proposed = null;
        List<Fact> found = new ArrayList<>();
        for (int from = 0; from < candidates.length || proposed == null; from += bucketsPerRead) {
            List<String> bucketIds = new ArrayList<>();
            if (proposed == null) {
                bucketIds.add(bucketId(savingId, 0));
            }
            for (int at = from; at < Math.min(candidates.length, from + bucketsPerRead); at++) {
                if (candidates[at] != 0 || proposed != null) {
                    bucketIds.add(bucketId(savingId, candidates[at]));
                }
            }
            Map<String, List<Fact>> byBucket = new HashMap<>();
            history(StreamKind.SAVING).find(Filters.in("_id", bucketIds)).projection(Projections.include("facts"))
                    .forEach(bucket -> byBucket.put(bucket.getString("_id"),
                            bucket.getList("facts", Document.class).stream().map(Fact::fromDocument).toList()));
            if (proposed == null) {
                proposed = byBucket.getOrDefault(bucketId(savingId, 0), List.of()).stream()
                        .anyMatch(fact -> fact.eventType() == EventType.SAVING_PROPOSED && fact.isRecordedBy(asAt));
                if (!proposed) {
                    return new SavingPage(false, List.of());
                }
            }
            for (int at = from; at < Math.min(candidates.length, from + bucketsPerRead); at++) {
                List<Fact> facts = new ArrayList<>(byBucket.getOrDefault(bucketId(savingId, candidates[at]), List.of()));
                facts.sort(Comparator.comparingLong(Fact::version));
                for (Fact fact : facts) {
                    if (fact.version() > after && fact.isVisible(asAt, effectiveOn)) {
                        found.add(fact);
                        if (found.size() == count) {
                            return new SavingPage(true, found);
                        }
                    }
                }
            }
        }
        return new SavingPage(true, found);
    }

    /**
     * When the ledger recorded each of the given streams' first fact (the one that brought it into
     * being), read from their first buckets alone; a stream without one is left out.
     */
    public Map<String, Instant> firstRecorded(StreamKind kind, Collection<String> streamIds) {
        Map<String, Instant> recorded = new HashMap<>();
        if (streamIds.isEmpty()) {
            return recorded;
        }
        List<String> firstBuckets = streamIds.stream().map(id -> bucketId(id, 0)).toList();
        history(kind).find(Filters.in("_id", firstBuckets)).forEach(bucket ->
                bucket.getList("facts", Document.class).stream().map(Fact::fromDocument)
                        .filter(fact -> fact.version() == 0).findFirst()
                        .ifPresent(first -> recorded.put(bucket.getString("stream"), first.recordedAt())));
        return recorded;
    }

    /** Ids of the savings proposed in a programme, in the order they were proposed. */
    public List<String> savingsOf(String programmeId) {
        Document document = members().find(Filters.eq("_id", programmeId)).first();
        return document == null ? List.of() : document.getList("savingIds", String.class);
    }

    static String bucketId(String streamId, long bucket) {
        return streamId + "#" + bucket;
    }
}
