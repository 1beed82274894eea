package org.savingsledger.events;

import org.savingsledger.shared.Provenance;

/**
 * Every event of the ledger, whatever its stream: who recorded it, on whose authority, why and from
 * when it counts. (A handler for {@code LedgerEvent} is less specific than one for a kind of stream,
 * so a read model can take in the other kinds' events without shadowing its own handlers.) Not sealed:
 * its three families live in packages of their own, which a sealed type outside a named module cannot
 * permit; each family is sealed instead.
 */
public interface LedgerEvent {

    Provenance provenance();
}
