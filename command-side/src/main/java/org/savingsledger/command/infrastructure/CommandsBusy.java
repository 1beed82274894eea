package org.savingsledger.command.infrastructure;

import java.time.Duration;

/**
 * A command waited {@code ledger.commands.admission-wait} for one of the
 * {@code ledger.commands.concurrency} places and got none: it never started, so nothing was written.
 */
public class CommandsBusy extends RuntimeException {

    public CommandsBusy(int concurrency, Duration waited) {
        super("no command could start within " + waited.toMillis() + " ms: " + concurrency + " commands were running");
    }
}
