package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.FinancialYear;
import org.savingsledger.shared.Fte;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Posts (FTE) were reduced in a year; adds to that year's posts delivered. More than planned is allowed. */
@Revision("1")
public record SavingPostsDelivered(SavingId savingId, ProgrammeId programmeId, FinancialYear year, Fte posts,
                                   Provenance provenance) implements SavingEvent {
}
