package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;

/** Planned savings were moved from a year to an earlier one; the saving's total is unchanged. */
@Revision("1")
public record SavingBroughtForward(SavingId savingId, ProgrammeId programmeId, FinancialYear fromYear, FinancialYear toYear, Money amount,
                                   Provenance provenance) implements SavingEvent {
}
