package org.savingsledger.events.committee;

import org.savingsledger.shared.CommitteeId;
import org.savingsledger.shared.Provenance;

/** Every event of a committee's stream. */
public interface CommitteeEvent {

    CommitteeId committeeId();

    Provenance provenance();
}
