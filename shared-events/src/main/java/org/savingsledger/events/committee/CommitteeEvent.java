package org.savingsledger.events.committee;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.CommitteeId;

/**
 * Every event of a committee's stream. Sealed, so that every read model that dispatches on its kinds is made
 * to handle a new one.
 */
public sealed interface CommitteeEvent extends LedgerEvent
        permits CommitteeEstablished, ProgrammeAssignedToCommittee, PositionReportPresented {

    CommitteeId committeeId();
}
