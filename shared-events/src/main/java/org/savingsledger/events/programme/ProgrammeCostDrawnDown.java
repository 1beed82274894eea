package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Cost was drawn down against the programme's budget (an increment). May exceed the approved budget: that is shown, not refused. */
@Revision("1")
public record ProgrammeCostDrawnDown(ProgrammeId programmeId, Money amount, Provenance provenance) implements ProgrammeEvent {
}
