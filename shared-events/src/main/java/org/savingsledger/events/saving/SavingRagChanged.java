package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Rag;

/** The saving's RAG status was set; {@code previousStatus} is null the first time. */
@Revision("1")
public record SavingRagChanged(SavingId savingId, ProgrammeId programmeId, Rag previousStatus, Rag status, Provenance provenance) implements SavingEvent {
}
