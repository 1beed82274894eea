package org.savingsledger.command.programme;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.BudgetDecision;
import org.savingsledger.shared.Money;
import org.savingsledger.shared.ProgrammeId;
import org.savingsledger.shared.Provenance;

/**
 * Decide {@code amount} of the budget pending for a funding {@code source} (null: the bids that named none):
 * approved, it moves to the approved budget; declined, it just leaves pending.
 */
public record ResolvePendingBudget(@TargetAggregateIdentifier ProgrammeId programmeId, String source, Money amount,
                                   BudgetDecision decision, Provenance provenance,
                                   @TargetAggregateVersion Long expectedVersion) implements ProgrammeCommand {

    public ResolvePendingBudget {
        source = FundingSources.given(source);
        InvalidCommand.positive("amount", amount);
        InvalidCommand.required("decision", decision);
        InvalidCommand.withReason(provenance);
    }
}
