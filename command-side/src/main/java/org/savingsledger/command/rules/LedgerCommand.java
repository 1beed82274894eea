package org.savingsledger.command.rules;

/**
 * A command of the ledger. Its {@link #target()} names what it acts on and what else it looks at, so the
 * organisation check, the target check and the aggregate's rules all answer from one directory read.
 */
public interface LedgerCommand {

    CommandTarget target();
}
