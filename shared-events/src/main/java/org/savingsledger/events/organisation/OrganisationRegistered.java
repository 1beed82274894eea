package org.savingsledger.events.organisation;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.OrganisationId;
import org.savingsledger.shared.Provenance;

/**
 * An organisation (a council) was registered, so that programmes and committees may name it. {@code gssCode}
 * is its ONS Government Statistical Service code (e.g. {@code E10000024}), or null when none was given.
 */
@Revision("1")
public record OrganisationRegistered(OrganisationId organisationId, String name, String gssCode, Provenance provenance)
        implements OrganisationEvent {
}
