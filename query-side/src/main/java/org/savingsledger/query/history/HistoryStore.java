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
import org.springframework.stereotype.Component;

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
 * {@code stream_heads}, and its facts in buckets of {@value #BUCKET_SIZE} in {@code stream_history}
 * ({@code _id} = stream id and bucket number). Every read is by {@code _id} or {@code _id $in}: the
 * shape that uses an index on a real MongoDB and on mongo-java-server alike, so a query's cost
 * depends on the streams it reads, never on the size of the store.
 *
 * <p>Appending is idempotent: a fact already in its bucket is not added again, and a head never
 * goes back to an older version. Writes go by {@code _id} and one stream is owned by one
 * processor segment at a time, so read-decide-write needs no transaction.
 */
@Component
public class HistoryStore {

    static final int BUCKET_SIZE = 100;

    private final MongoCollection<Document> heads;
    private final MongoCollection<Document> history;
    private final MongoCollection<Document> members;
    private final MongoCollection<Document> frozenReports;

    public HistoryStore(MongoDatabase database) {
        this.heads = database.getCollection("stream_heads");
        this.history = database.getCollection("stream_history");
        this.members = database.getCollection("programme_savings");
        this.frozenReports = database.getCollection("frozen_reports");
        heads.createIndex(Indexes.ascending("kind", "organisation"), new IndexOptions().name("kind_organisation"));
    }

    /** The current head of a stream: its kind, version and state. */
    public Optional<Document> head(String streamId) {
        return Optional.ofNullable(heads.find(Filters.eq("_id", streamId)).first());
    }

    /** Heads of the given kind in one organisation, by id. */
    public List<Document> heads(StreamKind kind, String organisation) {
        List<Document> found = new ArrayList<>();
        heads.find(Filters.and(Filters.eq("kind", kind.name()), Filters.eq("organisation", organisation)))
                .into(found);
        found.sort(Comparator.comparing(head -> head.getString("_id")));
        return found;
    }

    /** Every head of a kind, by id (all organisations). */
    public List<Document> heads(StreamKind kind) {
        List<Document> found = new ArrayList<>();
        heads.find(Filters.eq("kind", kind.name())).into(found);
        found.sort(Comparator.comparing(head -> head.getString("_id")));
        return found;
    }

    /**
     * Records {@code fact} as the next of stream {@code streamId} and moves its head to {@code state}.
     * Does nothing when the head is already at or past the fact's version (an event delivered twice).
     */
    public void append(String streamId, StreamKind kind, Fact fact, Document state) {
        Document head = head(streamId).orElse(null);
        if (head != null && head.getLong("version") >= fact.version()) {
            return;
        }
        String bucketId = bucketId(streamId, fact.version() / BUCKET_SIZE);
        Document bucket = history.find(Filters.eq("_id", bucketId)).first();
        boolean present = bucket != null && bucket.getList("facts", Document.class).stream()
                .anyMatch(stored -> stored.getLong("version") == fact.version());
        if (!present) {
            history.updateOne(Filters.eq("_id", bucketId),
                    Updates.combine(Updates.setOnInsert("stream", streamId), Updates.setOnInsert("kind", kind.name()),
                            Updates.push("facts", fact.toDocument())),
                    new UpdateOptions().upsert(true));
        }
        Document newHead = new Document(state).append("_id", streamId).append("kind", kind.name())
                .append("version", fact.version());
        heads.replaceOne(Filters.eq("_id", streamId), newHead, new ReplaceOptions().upsert(true));
    }

    /** Every fact of the given streams, oldest first per stream; a stream without a head has none. */
    public Map<String, List<Fact>> facts(Collection<String> streamIds) {
        Map<String, List<Fact>> facts = new LinkedHashMap<>();
        if (streamIds.isEmpty()) {
            return facts;
        }
        List<String> bucketIds = new ArrayList<>();
        heads.find(Filters.in("_id", streamIds)).forEach(head -> {
            for (long bucket = 0; bucket <= head.getLong("version") / BUCKET_SIZE; bucket++) {
                bucketIds.add(bucketId(head.getString("_id"), bucket));
            }
        });
        Map<String, List<Fact>> byStream = new HashMap<>();
        history.find(Filters.in("_id", bucketIds)).forEach(bucket -> {
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

    public List<Fact> facts(String streamId) {
        return facts(List.of(streamId)).get(streamId);
    }

    /** Ids of the savings proposed in a programme, in the order they were proposed. */
    public List<String> savingsOf(String programmeId) {
        Document document = members.find(Filters.eq("_id", programmeId)).first();
        return document == null ? List.of() : document.getList("savingIds", String.class);
    }

    void addSaving(String programmeId, String savingId) {
        members.updateOne(Filters.eq("_id", programmeId), Updates.addToSet("savingIds", savingId),
                new UpdateOptions().upsert(true));
    }

    /** The bytes a report was first served with, if it was served before. */
    public Optional<String> frozenReport(String committeeId, String reportId) {
        Document frozen = frozenReports.find(Filters.eq("_id", committeeId + "/" + reportId)).first();
        return frozen == null ? Optional.empty() : Optional.of(frozen.getString("json"));
    }

    /**
     * Keeps the bytes a report is served with, unless some were kept already (then those win), and
     * answers the bytes to serve. They are computed as at the report's instant, so a rebuild that
     * forgets them computes the same bytes again.
     */
    public String freezeReport(String committeeId, String reportId, String json) {
        frozenReports.updateOne(Filters.eq("_id", committeeId + "/" + reportId), Updates.setOnInsert("json", json),
                new UpdateOptions().upsert(true));
        return frozenReport(committeeId, reportId).orElse(json);
    }

    /** Forgets every stream of a kind, for a rebuild from the event store. */
    void reset(StreamKind kind) {
        heads.deleteMany(Filters.eq("kind", kind.name()));
        history.deleteMany(Filters.eq("kind", kind.name()));
        if (kind == StreamKind.SAVING) {
            members.deleteMany(new Document());
        }
        if (kind == StreamKind.COMMITTEE) {
            frozenReports.deleteMany(new Document());
        }
    }

    private static String bucketId(String streamId, long bucket) {
        return streamId + "#" + bucket;
    }
}
