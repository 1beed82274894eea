package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** A year's posts delivered was corrected by a signed, non-zero number of FTE. */
@Revision("1")
public record SavingPostsDeliveryCorrected(SavingId savingId, ProgrammeId programmeId, FinancialYear year, Fte posts,
                                           Provenance provenance) implements SavingEvent {
}
