package org.savingsledger.ops.bench;

import org.javers.common.date.DateProvider;
import org.javers.core.Javers;

import java.util.Map;

/**
 * Where the alternative keeps the current state of its objects and where JaVers keeps their
 * snapshots: one store per variant, so a command's current-state replace and its JaVers commits can
 * share a transaction where the store has them.
 */
interface JaversBackend extends AutoCloseable {

    /** The repository's name as the figures show it, e.g. {@code MongoDB}. */
    String name();

    /** Creates the stores (empty) and answers JaVers on this repository, its commit dates from {@code clock}. */
    Javers open(DateProvider clock) throws Exception;

    /** Reads an object's current document, as the application would before changing it; throws when there is none. */
    void read(String id);

    /** Replaces (or creates) an object's current document. */
    void write(String id, String type, Map<String, Object> fields);

    /** Ends one command: whatever it wrote becomes durable together. */
    void commit();

    /** Drops everything the variant created, leaving the shared servers as they were. */
    @Override
    void close();
}
