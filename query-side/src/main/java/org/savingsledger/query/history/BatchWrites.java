package org.savingsledger.query.history;

import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The writes of one batch of a tracking processor into one {@link HistoryStore}, made together after
 * the batch's last event: one {@code $in} read of the heads the batch touches, then one bulk write
 * per collection — buckets and memberships first, heads last — instead of four round trips per
 * event. Heads are read from here during the batch, so a stream changed twice in one batch sees its
 * first change.
 *
 * <p>Idempotent like the per-event path: a fact is added to its bucket with {@code $addToSet}, so an
 * event delivered again (the batch retried after a failure, or after a crash between the bulk
 * writes) finds the identical fact there and adds nothing, and a head never goes back (the version
 * check happens against the head read at the start of the batch). The writes happen before the
 * processor stores its token, so a token never covers an event whose facts are not in MongoDB.
 */
final class BatchWrites {

    private final HistoryStore store;
    private final BatchingUnitOfWork<?> unitOfWork;
    private final Map<StreamKind, Map<String, Document>> heads = new EnumMap<>(StreamKind.class);
    private final Map<StreamKind, Set<String>> changedHeads = new EnumMap<>(StreamKind.class);
    private final Map<StreamKind, Map<String, List<Document>>> facts = new EnumMap<>(StreamKind.class);
    private final Map<String, String> bucketStreams = new HashMap<>();
    private final Map<String, Document> checkpoints = new HashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private boolean flushed;

    private BatchWrites(HistoryStore store, BatchingUnitOfWork<?> unitOfWork) {
        this.store = store;
        this.unitOfWork = unitOfWork;
        // a safety net: normally HistoryStore#handled flushes after the last event, before the token is stored
        unitOfWork.onPrepareCommit(u -> flush());
    }

    /** The batch writes of {@code store} in the current processor batch, or null outside one. */
    static BatchWrites current(HistoryStore store) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        if (!(unitOfWork instanceof BatchingUnitOfWork<?> batching)) {
            return null;
        }
        return batching.getOrComputeResource("ledger.history.batch-writes@" + store.pinned(),
                key -> new BatchWrites(store, batching));
    }

    /** After the last event of the current processor batch, makes the writes buffered for any store. */
    static void flushAtLastEvent() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get() instanceof BatchingUnitOfWork<?> batching)
                || !batching.isLastMessage()) {
            return;
        }
        batching.resources().values().forEach(resource -> {
            if (resource instanceof BatchWrites writes) {
                writes.flush();
            }
        });
    }

    Optional<Document> head(StreamKind kind, String streamId) {
        Map<String, Document> known = heads.computeIfAbsent(kind, this::prefetch);
        if (!known.containsKey(streamId)) {
            known.put(streamId, store.readHead(kind, streamId).orElse(null));
        }
        return Optional.ofNullable(known.get(streamId));
    }

    /** Every head of this kind the batch's events name, in one read (absent ones as null). */
    private Map<String, Document> prefetch(StreamKind kind) {
        Set<String> ids = new LinkedHashSet<>();
        for (Object message : unitOfWork.getMessages()) {
            if (message instanceof DomainEventMessage<?> domain) {
                ids.add(domain.getAggregateIdentifier());
            }
        }
        Map<String, Document> found = new HashMap<>();
        ids.forEach(id -> found.put(id, null));
        store.readHeads(kind, ids).forEach(head -> found.put(head.getString("_id"), head));
        return found;
    }

    void append(String streamId, StreamKind kind, Fact fact, Document state, Document checkpoint) {
        Document head = head(kind, streamId).orElse(null);
        if (head != null && head.getLong("version") >= fact.version()) {
            return;
        }
        String bucketId = HistoryStore.bucketId(streamId, fact.version() / HistoryStore.bucketSize(state));
        bucketStreams.put(bucketId, streamId);
        if (checkpoint != null) {
            checkpoints.put(bucketId, checkpoint);
        }
        facts.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(bucketId, k -> new ArrayList<>())
                .add(fact.toDocument());
        heads.get(kind).put(streamId, new Document(state).append("_id", streamId).append("version", fact.version()));
        changedHeads.computeIfAbsent(kind, k -> new LinkedHashSet<>()).add(streamId);
        flushed = false;
    }

    void addSaving(String programmeId, String savingId) {
        members.computeIfAbsent(programmeId, k -> new LinkedHashSet<>()).add(savingId);
        flushed = false;
    }

    void flush() {
        if (flushed) {
            return;
        }
        BulkWriteOptions unordered = new BulkWriteOptions().ordered(false);
        facts.forEach((kind, buckets) -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            buckets.forEach((bucketId, added) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", bucketId),
                    Updates.combine(Updates.setOnInsert("stream", bucketStreams.get(bucketId)),
                            HistoryStore.checkpointOnInsert(checkpoints.get(bucketId)),
                            Updates.addEachToSet("facts", added)), new UpdateOptions().upsert(true))));
            if (!writes.isEmpty()) {
                store.history(kind).bulkWrite(writes, unordered);
            }
        });
        if (!members.isEmpty()) {
            List<WriteModel<Document>> writes = new ArrayList<>();
            members.forEach((programme, savings) -> writes.add(new UpdateOneModel<>(Filters.eq("_id", programme),
                    Updates.addEachToSet("savingIds", new ArrayList<>(savings)), new UpdateOptions().upsert(true))));
            store.members().bulkWrite(writes, unordered);
        }
        changedHeads.forEach((kind, ids) -> {
            List<WriteModel<Document>> writes = new ArrayList<>();
            ids.forEach(id -> writes.add(new ReplaceOneModel<>(Filters.eq("_id", id), heads.get(kind).get(id),
                    new ReplaceOptions().upsert(true))));
            if (!writes.isEmpty()) {
                store.headsOf(kind).bulkWrite(writes, unordered);
            }
        });
        facts.clear();
        checkpoints.clear();
        members.clear();
        changedHeads.clear();
        flushed = true;
    }
}
