package org.savingsledger.command.rules;

/**
 * A create named an id the ledger already uses (ids are unique across programmes, savings, committees and
 * reports, and across organisations: see docs/security.md). The message says only that the id is in use,
 * never what holds it or whose it is, since the holder may be another organisation's.
 */
public class DuplicateIdentifier extends RuntimeException {

    public DuplicateIdentifier(String id) {
        super("the id '" + id + "' is already in use");
    }
}
