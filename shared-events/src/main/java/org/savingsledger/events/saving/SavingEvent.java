package org.savingsledger.events.saving;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;

/** Every event of a saving's stream; each names the saving's programme so projections need no lookup. */
public interface SavingEvent extends LedgerEvent {

    SavingId savingId();

    ProgrammeId programmeId();
}
