package org.savingsledger.events.saving;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;

/**
 * The saving's category or recurrence changed (at least one of them). {@code previousCategory} is null
 * when the saving had none.
 */
@Revision("1")
public record SavingClassified(SavingId savingId, ProgrammeId programmeId, SavingCategory previousCategory,
                               SavingCategory category, Recurrence previousRecurrence, Recurrence recurrence,
                               Provenance provenance) implements SavingEvent {
}
