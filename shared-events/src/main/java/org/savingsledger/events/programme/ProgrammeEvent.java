package org.savingsledger.events.programme;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.ProgrammeId;

/**
 * Every event of a programme's stream. Sealed, so that every read model that dispatches on its kinds is made
 * to handle a new one.
 */
public sealed interface ProgrammeEvent extends LedgerEvent
        permits ProgrammeLaunched, ProgrammeTargetRevised, ProgrammeBudgetApproved, ProgrammeCostDrawnDown,
        ProgrammeBudgetCorrected, ProgrammeCostDrawdownCorrected, ProgrammeDetailsChanged, ProgrammePeriodChanged,
        ProgrammePendingBudgetResolved {

    ProgrammeId programmeId();
}
