package org.savingsledger.command.infrastructure;

/**
 * Turns "aggregate X reached version N" into the consistency token a command response carries:
 * the global index of X's latest event as the command's own transaction read it just before
 * committing (see {@link LedgerCommandBus}), so no query runs after the commit. The query side has
 * caught up with the command once its event processors have passed that index.
 */
public interface ConsistencyTokens {

    /** The token of the command this request sent to {@code aggregateId}, which left it at {@code version}. */
    String tokenFor(String aggregateId, long version);
}
