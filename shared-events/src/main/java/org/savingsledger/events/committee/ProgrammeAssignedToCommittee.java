package org.savingsledger.events.committee;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.ProgrammeId;

/** The committee now oversees the programme (both belong to the same organisation). */
@Revision("1")
public record ProgrammeAssignedToCommittee(CommitteeId committeeId, ProgrammeId programmeId, Provenance provenance) implements CommitteeEvent {
}
