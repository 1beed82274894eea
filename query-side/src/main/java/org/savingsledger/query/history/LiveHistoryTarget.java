package org.savingsledger.query.history;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Where the live read-model processors write: the generation their batch is admitted to (see
 * {@link ReadModelGenerations#admitLiveBatch}); outside a batch, the generation queries read.
 */
@Component
public class LiveHistoryTarget implements HistoryTarget {

    private final ReadModelGenerations generations;

    public LiveHistoryTarget(ReadModelGenerations generations) {
        this.generations = generations;
    }

    @Override
    public HistoryStore store(StreamKind kind, List<? extends EventMessage<?>> batch) {
        return batch.isEmpty() ? generations.reading() : generations.admitLiveBatch(kind, lastIndex(batch));
    }

    private static long lastIndex(List<? extends EventMessage<?>> batch) {
        long last = -1;
        for (EventMessage<?> event : batch) {
            if (event instanceof TrackedEventMessage<?> tracked) {
                last = Math.max(last, tracked.trackingToken().position().orElse(-1));
            }
        }
        return last;
    }
}
