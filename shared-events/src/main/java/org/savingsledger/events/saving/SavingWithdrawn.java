package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** The saving was withdrawn: it keeps its history, takes no further commands and counts zero in planned totals from now on. */
@Revision("1")
public record SavingWithdrawn(SavingId savingId, ProgrammeId programmeId, Provenance provenance) implements SavingEvent {
}
