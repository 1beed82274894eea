package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Confidence;

/** The confidence in the saving changed. */
@Revision("1")
public record SavingConfidenceChanged(SavingId savingId, ProgrammeId programmeId, Confidence previousConfidence, Confidence confidence,
                                      Provenance provenance) implements SavingEvent {
}
