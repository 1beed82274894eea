package org.savingsledger.query.history;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.bson.Document;
import org.springframework.stereotype.Component;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The projections' one way to write: each event's writes go into the {@link HistoryBatch} of the
 * processor batch being handled, which {@link #batchBoundaries()} — a handler interceptor on every
 * read-model processor — writes after the batch's last event, before the processor stores its
 * position, so a position never covers an event whose facts are not in MongoDB. An event handled
 * outside a processor batch (a test calling a handler) is a batch of one, written at once.
 *
 * <p>Axon handles a batch on one thread from its first event to its last, so the open batch is kept
 * per thread; the interceptor opens it at the batch's first event and closes it at its last, or
 * drops it when an event fails (the processor then handles the batch again).
 */
@Component
public class HistoryWriter {

    private final HistoryTarget target;
    private final ThreadLocal<OpenBatch> open = new ThreadLocal<>();

    public HistoryWriter(HistoryTarget target) {
        this.target = target;
    }

    /** Makes {@code writes} to {@code kind}'s read model part of the batch being handled. */
    void write(StreamKind kind, Consumer<HistoryBatch> writes) {
        OpenBatch batch = open.get();
        if (batch != null) {
            writes.accept(batch.of(kind));
            return;
        }
        HistoryBatch single = new HistoryBatch(target.store(kind, List.of()), kind, List.of());
        writes.accept(single);
        single.flush();
    }

    /** Forgets every stream of {@code kind} where this writer writes, for a replay from the start. */
    void reset(StreamKind kind) {
        HistoryStore store = target.store(kind, List.of());
        kind.collections(store.generation(kind))
                .forEach(name -> store.database().getCollection(name).deleteMany(new Document()));
    }

    /**
     * Opens a batch at a processor batch's first event and writes it after the last one, whichever
     * kind that event is (the projections take in every kind's events).
     */
    public MessageHandlerInterceptor<EventMessage<?>> batchBoundaries() {
        return (unitOfWork, chain) -> {
            UnitOfWork<?> root = unitOfWork.root();
            OpenBatch batch = open.get();
            if (batch == null || batch.unitOfWork != root) {
                batch = new OpenBatch(root, messages(root));
                open.set(batch);
            }
            boolean last = !(root instanceof BatchingUnitOfWork<?> batching) || batching.isLastMessage();
            boolean closed = last;
            try {
                Object result = chain.proceed();
                if (last) {
                    batch.flush();
                }
                return result;
            } catch (Exception | Error e) {
                closed = true;
                throw e;
            } finally {
                if (closed) {
                    open.remove();
                }
            }
        };
    }

    private static List<? extends EventMessage<?>> messages(UnitOfWork<?> unitOfWork) {
        if (unitOfWork instanceof BatchingUnitOfWork<?> batching) {
            return batching.getMessages().stream().map(message -> (EventMessage<?>) message).toList();
        }
        return List.of((EventMessage<?>) unitOfWork.getMessage());
    }

    /** The events of one processor batch and, per kind its projection wrote, the batch's writes. */
    private final class OpenBatch {

        final UnitOfWork<?> unitOfWork;
        final List<? extends EventMessage<?>> messages;
        final Map<StreamKind, HistoryBatch> writes = new EnumMap<>(StreamKind.class);

        OpenBatch(UnitOfWork<?> unitOfWork, List<? extends EventMessage<?>> messages) {
            this.unitOfWork = unitOfWork;
            this.messages = messages;
        }

        /** The batch's writes of {@code kind}, begun (and the target asked) at the first. */
        HistoryBatch of(StreamKind kind) {
            return writes.computeIfAbsent(kind, k -> new HistoryBatch(target.store(k, messages), k, streams(k)));
        }

        /** The streams of {@code kind} the batch's events name. */
        private Set<String> streams(StreamKind kind) {
            Set<String> ids = new LinkedHashSet<>();
            for (EventMessage<?> message : messages) {
                if (message instanceof DomainEventMessage<?> domain && kind.eventType().isAssignableFrom(domain.getPayloadType())) {
                    ids.add(domain.getAggregateIdentifier());
                }
            }
            return ids;
        }

        void flush() {
            writes.values().forEach(HistoryBatch::flush);
        }
    }
}
