package org.savingsledger.events.organisation;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.OrganisationId;

/**
 * Every event of an organisation's stream. Sealed, so that every read model that dispatches on its kinds is made
 * to handle a new one.
 */
public sealed interface OrganisationEvent extends LedgerEvent permits OrganisationRegistered {

    OrganisationId organisationId();
}
