package org.savingsledger.events.programme;

import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/** Every event of a programme's stream. */
public interface ProgrammeEvent {

    ProgrammeId programmeId();

    Provenance provenance();
}
