package org.savingsledger.command.rules;

/**
 * A command to an aggregate that exists. The command bus refuses it with a 404 before loading the
 * aggregate when the id is not one of its kind (ids share one namespace across kinds).
 */
public interface AggregateCommand extends LedgerCommand {

    /** The version the client expects the aggregate to be at, or {@code null} to act on whatever is there. */
    Long expectedVersion();
}
