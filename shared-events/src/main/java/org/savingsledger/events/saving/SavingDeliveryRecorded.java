package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Money;

/** Savings were delivered (achieved) in a year; adds to that year's delivered total. Over-delivery is allowed. */
@Revision("1")
public record SavingDeliveryRecorded(SavingId savingId, ProgrammeId programmeId, FinancialYear year, Money amount, Provenance provenance) implements SavingEvent {
}
