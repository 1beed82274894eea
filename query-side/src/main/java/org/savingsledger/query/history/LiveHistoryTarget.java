package org.savingsledger.query.history;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Where the live read-model processors write: the generation their batch was admitted to (see
 * {@link ReadModelGenerations#admitLiveBatch}); outside a batch, the generation queries read.
 */
@Component
public class LiveHistoryTarget implements HistoryTarget {

    private static final String ADMITTED = "ledger.history.admitted-store";

    private final ReadModelGenerations generations;

    public LiveHistoryTarget(ReadModelGenerations generations) {
        this.generations = generations;
    }

    @Override
    public HistoryStore store() {
        if (CurrentUnitOfWork.isStarted()) {
            Optional<HistoryStore> admitted = CurrentUnitOfWork.get().root().getResource(ADMITTED);
            if (admitted != null && admitted.isPresent()) {
                return admitted.get();
            }
        }
        return generations.reading();
    }

    /**
     * Admits each batch of a live processor of {@code kind} once, before its first event is handled;
     * a batch of other kinds' events only writes nothing and is not admitted (decided once per batch).
     */
    public MessageHandlerInterceptor<EventMessage<?>> admission(StreamKind kind) {
        return (unitOfWork, chain) -> {
            unitOfWork.root().getOrComputeResource(ADMITTED, key -> holdsAny(unitOfWork, kind)
                    ? Optional.of(generations.admitLiveBatch(kind, lastIndex(unitOfWork))) : Optional.<HistoryStore>empty());
            return chain.proceed();
        };
    }

    /** Whether the batch holds an event of {@code kind}. */
    private static boolean holdsAny(UnitOfWork<? extends EventMessage<?>> unitOfWork, StreamKind kind) {
        return batch(unitOfWork).stream().anyMatch(event -> kind.eventType().isAssignableFrom(event.getPayloadType()));
    }

    private static List<? extends EventMessage<?>> batch(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        return unitOfWork instanceof BatchingUnitOfWork<?> batching
                ? ((BatchingUnitOfWork<? extends EventMessage<?>>) batching).getMessages() : List.of(unitOfWork.getMessage());
    }

    private static long lastIndex(UnitOfWork<? extends EventMessage<?>> unitOfWork) {
        long last = -1;
        for (EventMessage<?> event : batch(unitOfWork)) {
            if (event instanceof TrackedEventMessage<?> tracked) {
                last = Math.max(last, tracked.trackingToken().position().orElse(-1));
            }
        }
        return last;
    }
}
