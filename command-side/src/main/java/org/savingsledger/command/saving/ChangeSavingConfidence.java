package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Confidence;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;

/** Change the confidence in the saving. */
public record ChangeSavingConfidence(@TargetAggregateIdentifier SavingId savingId, Confidence confidence, Provenance provenance,
                                     @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ChangeSavingConfidence {
        InvalidCommand.required("confidence", confidence);
        InvalidCommand.withReason(provenance);
    }
}
