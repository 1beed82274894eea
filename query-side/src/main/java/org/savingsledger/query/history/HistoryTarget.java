package org.savingsledger.query.history;

/**
 * Where a projection writes: the live processors write into the generation their batch was
 * admitted to, a rebuild into the generation it is building.
 */
@FunctionalInterface
public interface HistoryTarget {

    HistoryStore store();
}
