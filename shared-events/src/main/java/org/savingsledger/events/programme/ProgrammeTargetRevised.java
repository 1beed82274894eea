package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** The programme's savings target was replaced; {@code previousTarget} is what it replaced. */
@Revision("1")
public record ProgrammeTargetRevised(ProgrammeId programmeId, Money previousTarget, Money savingsTarget, Provenance provenance) implements ProgrammeEvent {
}
