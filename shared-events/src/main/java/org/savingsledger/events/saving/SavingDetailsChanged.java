package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** The saving's title, workstream, owner or description was replaced; a null field was left as it was. */
@Revision("1")
public record SavingDetailsChanged(SavingId savingId, ProgrammeId programmeId, String title, String workstream, String owner,
                                   String description, Provenance provenance) implements SavingEvent {
}
