package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** More cost budget was approved for the programme (an increment, not a new total). */
@Revision("1")
public record ProgrammeBudgetApproved(ProgrammeId programmeId, Money amount, Provenance provenance) implements ProgrammeEvent {
}
