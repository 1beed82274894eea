package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The cost drawn down was corrected by a signed, non-zero amount (a drawdown reversed, or recorded wrongly); the
 * cost drawn down never goes below zero. The drawdowns it corrects stay as they were recorded.
 */
@Revision("1")
public record ProgrammeCostDrawdownCorrected(ProgrammeId programmeId, Money amount, Provenance provenance) implements ProgrammeEvent {
}
