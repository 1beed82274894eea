package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * More cost budget was approved for the programme (an increment, not a new total), from the funding {@code source}
 * it names (null: none named). When {@code pending} it is a bid not yet decided: it does not count as approved until
 * a {@link ProgrammePendingBudgetResolved} approves it. Revision 1 events read with no source and not pending.
 */
@Revision("2")
public record ProgrammeBudgetApproved(ProgrammeId programmeId, Money amount, Provenance provenance, String source,
                                      boolean pending) implements ProgrammeEvent {

    /** An approval, not pending, naming no funding source. */
    public ProgrammeBudgetApproved(ProgrammeId programmeId, Money amount, Provenance provenance) {
        this(programmeId, amount, provenance, null, false);
    }
}
