package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.Recurrence;
import org.savingsledger.shared.SavingCategory;
import org.savingsledger.shared.SavingId;

/** Change the saving's category, its recurrence, or both; a field not given keeps its value. */
public record ClassifySaving(@TargetAggregateIdentifier SavingId savingId, SavingCategory category, Recurrence recurrence,
                             Provenance provenance, @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ClassifySaving {
        if (category == null && recurrence == null) {
            throw new InvalidCommand("category", "category or recurrence is required");
        }
        InvalidCommand.withReason(provenance);
    }
}
