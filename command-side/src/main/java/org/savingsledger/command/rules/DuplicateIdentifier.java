package org.savingsledger.command.rules;

/** A create named an id the ledger already uses (ids are unique across programmes, savings, committees and reports). */
public class DuplicateIdentifier extends RuntimeException {

    public DuplicateIdentifier(String id) {
        super("the id '" + id + "' is already in use");
    }
}
