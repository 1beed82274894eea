package org.savingsledger.query.history;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes of one batch of events of one kind into one {@link HistoryStore}, made together by
 * {@link #flush()}: one {@code $in} read of the heads the batch names, then one bulk write per
 * collection — buckets and memberships first, heads last — instead of four round trips per event.
 * A projection reads heads from here during the batch, so a stream changed twice in one batch sees
 * its first change. The only way the projections write; a single event is a batch of one.
 *
 * <p>Idempotent: a fact is added to its bucket with {@code $addToSet}, so an event delivered again
 * (the batch retried after a failure, or after a crash between the bulk writes) finds the identical
 * fact there and adds nothing, and a head never goes back: the version check happens against the
 * head as the batch has it, and a head is replaced only where it still has the version the batch
 * read (compare and set), so a batch that read a head before another owner of the stream moved it
 * on (a segment handed over between processors or instances while a batch was in flight) cannot put
 * it back. Where the other writer got at least as far, its head stands; where it stopped short of
 * this batch, the batch fails ({@link HeadMovedException}) and is handled again from that head, so a
 * processor's position never moves past events its heads miss. Writes go by {@code _id} (the heads by
 * {@code _id} and {@code version}, an index of their own), so read-decide-write needs no transaction.
 */
final class HistoryBatch {

    private final HistoryStore store;
    private final StreamKind kind;
    private final Map<String, Document> heads = new HashMap<>();
    /** The version of each head as this batch read it from the store; null where it found none. */
    private final Map<String, Long> readVersions = new HashMap<>();
    private final Set<String> changedHeads = new LinkedHashSet<>();
    private final Map<String, List<Document>> facts = new LinkedHashMap<>();
    private final Map<String, String> bucketStreams = new HashMap<>();
    private final Map<String, Document> snapshots = new HashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();

    /** A batch whose events name the streams {@code streamIds}: their heads are read at once. */
    HistoryBatch(HistoryStore store, StreamKind kind, Collection<String> streamIds) {
        this.store = store;
        this.kind = kind;
        streamIds.forEach(id -> {
            heads.put(id, null);
            readVersions.put(id, null);
        });
        store.readHeads(kind, streamIds).forEach(head -> {
            heads.put(head.getString("_id"), head);
            readVersions.put(head.getString("_id"), head.getLong("version"));
        });
    }

    /** The head of a stream as this batch has left it so far. */
    Optional<Document> head(String streamId) {
        if (!heads.containsKey(streamId)) {
            Document head = store.head(kind, streamId).orElse(null);
            heads.put(streamId, head);
            readVersions.put(streamId, head == null ? null : head.getLong("version"));
        }
        return Optional.ofNullable(heads.get(streamId));
    }

    /**
     * Records {@code fact} as the next of stream {@code streamId} and moves its head to {@code state};
     * when the fact opens a bucket, {@code snapshot} (if not null) is stored with the bucket (see
     * {@link FoldSnapshots}). Does nothing when the head is already at or past the fact's version (an
     * event delivered twice).
     */
    void append(String streamId, Fact fact, Document state, Document snapshot) {
        Document head = head(streamId).orElse(null);
        if (head != null && head.getLong("version") >= fact.version()) {
            return;
        }
        String bucketId = HistoryStore.bucketId(streamId, fact.version() / kind.bucketSize());
        bucketStreams.put(bucketId, streamId);
        if (snapshot != null) {
            snapshots.put(bucketId, snapshot);
        }
        facts.computeIfAbsent(bucketId, k -> new ArrayList<>()).add(fact.toDocument());
        heads.put(streamId, new Document(state).append("_id", streamId).append("version", fact.version()));
        changedHeads.add(streamId);
    }

    /** Lists {@code savingId} among its programme's savings (kept with the savings' read model). */
    void addSaving(String programmeId, String savingId) {
        members.computeIfAbsent(programmeId, k -> new LinkedHashSet<>()).add(savingId);
    }

    /** Makes the writes recorded since the last flush. */
    void flush() {
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        if (!facts.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            facts.forEach((bucketId, added) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", bucketId),
                    Updates.combine(Updates.setOnInsert("stream", bucketStreams.get(bucketId)),
                            snapshotOnInsert(snapshots.get(bucketId)), Updates.addEachToSet("facts", added)),
                    new UpdateOptions().upsert(true))));
            store.history(kind).bulkWrite(writes, unordered);
        }
        if (!members.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            members.forEach((programme, savings) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", programme),
                    Updates.addEachToSet("savingIds", new ArrayList<>(savings)), new UpdateOptions().upsert(true))));
            store.members().bulkWrite(writes, unordered);
        }
        if (!changedHeads.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            // only over the head this batch read (none: version null matches no stored head): a batch that read a
            // head before another owner of the stream moved it on (a segment handed over while a batch was in
            // flight) must not put it back; the upsert then meets the moved head's _id, a duplicate key, and
            // leaves it as it is. The filter is a plain document naming exactly the keys of HEAD_VERSION_INDEX, which
            // the embedded server needs to use that index (see HistoryStore).
            List<String> ids = new ArrayList<>(changedHeads);
            ids.forEach(id -> writes.add(new ReplaceOneModel<>(
                    new Document("_id", id).append("version", readVersions.get(id)),
                    heads.get(id), new ReplaceOptions().upsert(true))));
            try {
                store.headsOf(kind).bulkWrite(writes, unordered);
            } catch (MongoBulkWriteException e) {
                if (e.getWriteErrors().stream().anyMatch(error -> error.getCategory() != ErrorCategory.DUPLICATE_KEY)
                        || e.getWriteConcernError() != null) {
                    throw e;
                }
                requireMovedOnAtLeastAsFar(e.getWriteErrors().stream().map(error -> ids.get(error.getIndex())).toList());
            }
        }
        facts.clear();
        snapshots.clear();
        members.clear();
        // a head written may have met another owner's: read it again if this batch goes on
        changedHeads.forEach(id -> {
            heads.remove(id);
            readVersions.remove(id);
        });
        changedHeads.clear();
    }

    /**
     * Each head of {@code ids} was found moved on from the version this batch read: fine where it is now at
     * or past this batch's version (its writer covers this batch's facts, stored identically), but one left
     * short of it would stay short while this processor's position moved past the events between, so the
     * batch fails and is handled again from the head as it now is. A head found at a version this batch never
     * wrote over, with no newer one stored (a store that lost writes), fails every time, in sight.
     */
    private void requireMovedOnAtLeastAsFar(List<String> ids) {
        Map<String, Long> stored = new HashMap<>();
        store.readHeads(kind, ids).forEach(head -> stored.put(head.getString("_id"), head.getLong("version")));
        for (String id : ids) {
            long wrote = heads.get(id).getLong("version");
            Long found = stored.get(id);
            if (found == null || found < wrote) {
                throw new HeadMovedException(kind, id, readVersions.get(id), found, wrote);
            }
        }
    }

    /** A head written by another writer since this batch read it, to a version short of this batch's. */
    static final class HeadMovedException extends IllegalStateException {

        HeadMovedException(StreamKind kind, String id, Long read, Long found, long wrote) {
            super(kind + " " + id + ": this batch read its head at version " + read + " and would write version " + wrote
                    + ", but found it at version " + found + ": the batch is handled again from there");
        }
    }

    /** Stores a snapshot with a new bucket; nothing for a bucket without one. */
    private static Bson snapshotOnInsert(Document snapshot) {
        return snapshot == null ? new Document() : Updates.setOnInsert("checkpoint", snapshot);
    }
}
