package org.savingsledger.events.committee;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;

/** A committee (Cabinet, a scrutiny or service committee) was established within an organisation. */
@Revision("1")
public record CommitteeEstablished(CommitteeId committeeId, String organisation, String name, Provenance provenance) implements CommitteeEvent {
}
