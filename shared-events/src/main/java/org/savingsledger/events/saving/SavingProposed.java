package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.SavingsProfile;
import org.savingsledger.shared.Stage;

/** A saving (savings line) was proposed within a programme, with its planned profile. */
@Revision("1")
public record SavingProposed(SavingId savingId, ProgrammeId programmeId, String title, String workstream, String owner,
                             Confidence confidence, Stage stage, SavingsProfile profile, Provenance provenance) implements SavingEvent {
}
