package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.SavingsProfile;

/** The whole planned profile was replaced; a year left out is now zero. {@code previousProfile} is what it replaced. */
@Revision("1")
public record SavingProfileRevised(SavingId savingId, ProgrammeId programmeId, SavingsProfile previousProfile, SavingsProfile profile,
                                   Provenance provenance) implements SavingEvent {
}
