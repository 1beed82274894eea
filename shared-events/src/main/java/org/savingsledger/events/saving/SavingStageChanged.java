package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;

/** The saving moved to another stage. */
@Revision("1")
public record SavingStageChanged(SavingId savingId, ProgrammeId programmeId, Stage previousStage, Stage stage, Provenance provenance) implements SavingEvent {
}
