package org.savingsledger.command.rules;

/** A command names, as its target, something the ledger does not have. */
public class UnknownIdentifier extends RuntimeException {

    public UnknownIdentifier(LedgerKind kind, String id) {
        super("no " + kind.label() + " with id '" + id + "'");
    }
}
