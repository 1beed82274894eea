package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * The approved budget was corrected by a signed, non-zero amount (a reduction, or an approval recorded wrongly);
 * the approved budget never goes below zero. The approvals it corrects stay as they were recorded.
 */
@Revision("1")
public record ProgrammeBudgetCorrected(ProgrammeId programmeId, Money amount, Provenance provenance) implements ProgrammeEvent {
}
