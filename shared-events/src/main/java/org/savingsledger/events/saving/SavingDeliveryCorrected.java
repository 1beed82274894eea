package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;

/** A year's delivered total was corrected by a signed, non-zero amount; it never goes below zero. */
@Revision("1")
public record SavingDeliveryCorrected(SavingId savingId, ProgrammeId programmeId, FinancialYear year, Money amount, Provenance provenance) implements SavingEvent {
}
