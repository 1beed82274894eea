package org.savingsledger.events.saving;

import org.savingsledger.events.LedgerEvent;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.SavingId;

/**
 * Every event of a saving's stream; each names the saving's programme so projections need no lookup.
 * Sealed, so that a new kind of saving event is listed here and every read model that dispatches on
 * the kinds is made to handle it.
 */
public sealed interface SavingEvent extends LedgerEvent
        permits SavingProposed, SavingProfileRevised, SavingSlippedToYear, SavingBroughtForward,
        SavingDeliveryRecorded, SavingDeliveryCorrected, SavingStageChanged, SavingConfidenceChanged,
        SavingRagChanged, SavingWithdrawn, SavingDetailsChanged,
        SavingClassified, SavingPostsRevised, SavingPostsDelivered, SavingPostsDeliveryCorrected {

    SavingId savingId();

    ProgrammeId programmeId();
}
