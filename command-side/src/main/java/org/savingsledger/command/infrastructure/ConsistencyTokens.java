package org.savingsledger.command.infrastructure;

/**
 * Turns "aggregate X reached version N" into the consistency token a command response carries:
 * the global index of that event in the event store. The query side has caught up with the
 * command once its event processors have passed that index.
 */
public interface ConsistencyTokens {

    /** The token of the event with sequence number {@code version} in the stream of {@code aggregateId}. */
    String tokenFor(String aggregateId, long version);
}
