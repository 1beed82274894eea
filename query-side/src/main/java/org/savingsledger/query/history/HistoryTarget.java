package org.savingsledger.query.history;

import org.axonframework.eventhandling.EventMessage;

import java.util.List;

/**
 * Where a batch of a projection's writes goes: the live processors write into the generation their
 * batch was admitted to, a rebuild into the generation it is building. Asked once per batch, before
 * the batch's first write.
 */
@FunctionalInterface
public interface HistoryTarget {

    /**
     * The store that a batch of {@code kind}'s processor writes into; {@code batch} holds the batch's
     * events, and is empty for an event handled outside a processor batch.
     */
    HistoryStore store(StreamKind kind, List<? extends EventMessage<?>> batch);

    /** Every batch into {@code store} (a rebuild, a test). */
    static HistoryTarget of(HistoryStore store) {
        return (kind, batch) -> store;
    }
}
