package org.savingsledger.events.programme;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.ProgrammeId;

/** Every event of a programme's stream. */
public interface ProgrammeEvent extends LedgerEvent {

    ProgrammeId programmeId();
}
