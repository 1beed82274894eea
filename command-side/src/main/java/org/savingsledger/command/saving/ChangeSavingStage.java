package org.savingsledger.command.saving;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.savingsledger.command.rules.InvalidCommand;
import org.savingsledger.shared.Provenance;
import org.savingsledger.shared.SavingId;
import org.savingsledger.shared.Stage;

/** Move the saving to another stage. */
public record ChangeSavingStage(@TargetAggregateIdentifier SavingId savingId, Stage stage, Provenance provenance,
                                @TargetAggregateVersion Long expectedVersion) implements SavingCommand {

    public ChangeSavingStage {
        InvalidCommand.required("stage", stage);
        InvalidCommand.withReason(provenance);
    }
}
