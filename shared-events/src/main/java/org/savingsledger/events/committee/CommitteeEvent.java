package org.savingsledger.events.committee;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.CommitteeId;

/** Every event of a committee's stream. */
public interface CommitteeEvent extends LedgerEvent {

    CommitteeId committeeId();
}
