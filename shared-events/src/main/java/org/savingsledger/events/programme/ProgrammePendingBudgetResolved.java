package org.savingsledger.events.programme;

import org.axonframework.serialization.Revision;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * {@code amount} of the budget pending for the funding {@code source} (null: none named) was decided: it leaves
 * pending, and when {@link BudgetDecision#APPROVED} it is added to the approved budget. Never more than was pending
 * for the source.
 */
@Revision("1")
public record ProgrammePendingBudgetResolved(ProgrammeId programmeId, String source, Money amount,
                                             BudgetDecision decision, Provenance provenance) implements ProgrammeEvent {
}
